package io.paystream.worker.query;

import io.paystream.support.problem.ProblemDetailsAdvice;
import io.paystream.support.problem.ProblemType;
import io.paystream.support.problem.StandardProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the {@link QueryApi} controllers only (other controllers keep their own error
 * handling), in service-support's scheme: 400 {@code invalid-request} for any parameter the API cannot answer, 404
 * {@code not-found} for unknown ids, 503 {@code store-unavailable} with {@code Retry-After} when MongoDB cannot be
 * reached. The titles are the ones the query API's clients saw before the scheme existed.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = QueryApi.class)
class QueryProblems extends ProblemDetailsAdvice {

    /** Every 400 of the query API names query or path parameters, never a body. */
    static final ProblemType INVALID_PARAMETER = StandardProblem.INVALID_REQUEST.titled("Invalid request parameter");

    static final ProblemType STORE_UNAVAILABLE = StandardProblem.STORE_UNAVAILABLE.titled("State store unavailable");

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
        return "the payment state store is unavailable; retry later";
    }
}
