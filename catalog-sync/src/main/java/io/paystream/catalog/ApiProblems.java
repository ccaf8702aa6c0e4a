package io.paystream.catalog;

import io.paystream.support.problem.ProblemDetailsAdvice;
import io.paystream.support.problem.ProblemException;
import io.paystream.support.problem.ProblemType;
import io.paystream.support.problem.StandardProblem;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details of the catalog API (sync runs, products), in service-support's scheme: 400
 * {@code invalid-request} naming each bad parameter and its rule, 404 {@code not-found} for unknown runs and accounts,
 * 503 {@code store-unavailable} with {@code Retry-After} when MongoDB cannot be reached. The titles and rules are the
 * ones this API answered before it moved to that scheme. The connection API has its own advice, which takes precedence
 * in its package.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems extends ProblemDetailsAdvice {

    /** {@code invalid-request} under the title this API always gave it. */
    public static final ProblemType INVALID_PARAMETER =
            StandardProblem.INVALID_REQUEST.titled("Invalid request parameter");

    private static final ProblemType STORE_UNAVAILABLE =
            StandardProblem.STORE_UNAVAILABLE.titled("Catalog store unavailable");

    /** 400 for one parameter, shaped like the validation failures this advice answers. */
    public static ProblemException badParameter(String parameter, String rule) {
        return ProblemException.invalid(INVALID_PARAMETER, Map.of(parameter, rule));
    }

    @Override
    protected ProblemType invalidRequest() {
        return INVALID_PARAMETER;
    }

    @Override
    protected ProblemType storeUnavailable() {
        return STORE_UNAVAILABLE;
    }

    @Override
    protected String storeUnavailableDetail() {
        return "the catalog store is unavailable; retry later";
    }

    /** {@code must be a valid boolean}: the type's simple name, as this API always named it. */
    @Override
    protected String typeMismatchRule(@Nullable Class<?> requiredType) {
        return "must be a valid "
                + (requiredType == null ? "value" : requiredType.getSimpleName().toLowerCase(Locale.ROOT));
    }
}
