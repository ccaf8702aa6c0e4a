package io.paystream.support.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem an API raises itself: thrown from a controller or a service, answered by Spring MVC (any
 * {@link ProblemDetailsAdvice}, or none) as {@code application/problem+json} with {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code}, {@code retryable} and the given properties, and {@code Retry-After}
 * when {@link ProblemType#retryable()}.
 *
 * <p>The detail is written by the caller for the client. Never pass an exception's message: a parse error can quote
 * the request body, and bodies hold API keys.
 */
public class ProblemException extends ErrorResponseException {

    /** The hint every retryable problem carries; Stripe and load balancers keep their own schedules anyway. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ProblemType problemType;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    /**
     * @param properties extension members beside the standard ones, e.g. {@code errors} or {@code supportedCurrencies}
     * @param cause kept for logs and debugging, never written to the answer
     */
    public ProblemException(ProblemType type, String detail, Map<String, ?> properties, @Nullable Throwable cause) {
        super(type.status(), body(type, detail, properties), cause);
        this.problemType = type;
        if (type.retryable()) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
    }

    /** 400 {@link StandardProblem#INVALID_REQUEST} for one parameter, shaped like {@link ProblemDetailsAdvice}'s. */
    public static ProblemException badParameter(String parameter, String rule) {
        return invalid(StandardProblem.INVALID_REQUEST, Map.of(parameter, rule));
    }

    /**
     * A 400-like problem naming each bad parameter or field and its rule: detail {@code name: rule, name: rule},
     * property {@code errors} = the map, in its order.
     */
    public static ProblemException invalid(ProblemType type, Map<String, String> errors) {
        return new ProblemException(type, detailOf(errors), Map.of("errors", new LinkedHashMap<>(errors)), null);
    }

    /** 404 {@link StandardProblem#NOT_FOUND} with a title naming what was not found ("Payment not found"). */
    public static ProblemException notFound(String title, String detail) {
        return new ProblemException(StandardProblem.NOT_FOUND.titled(title), detail);
    }

    public ProblemType problemType() {
        return problemType;
    }

    /** {@code name: rule, name: rule}: the detail of a map of bad parameters or fields. */
    public static String detailOf(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue())
                .collect(Collectors.joining(", "));
    }

    static ProblemDetail body(ProblemType type, String detail, Map<String, ?> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.type());
        body.setTitle(type.title());
        body.setProperty("code", type.code());
        body.setProperty("retryable", type.retryable());
        properties.forEach(body::setProperty);
        return body;
    }
}
