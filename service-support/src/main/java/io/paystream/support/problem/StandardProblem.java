package io.paystream.support.problem;

import org.springframework.http.HttpStatus;

/**
 * The problems every service can answer. Their codes are the ones catalog-sync's connection API published first
 * ({@code invalid-request}, {@code store-unavailable}, {@code event-bus-unavailable}, {@code unauthorized}), so
 * clients of that API see the same {@code type} URIs as before.
 */
public enum StandardProblem implements ProblemType.Enumerated {
    /** A parameter, field or body the API cannot answer; {@code errors} names each one and its rule. */
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request", false),
    /** No such resource; services usually give it a title naming the resource, see {@link #titled}. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found", false),
    /** No or a wrong credential; the same answer for both, so nothing can be learnt from it. */
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required", false),
    /** MongoDB cannot be reached or failed: nothing was read or changed. */
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", true),
    /** Kafka did not acknowledge in time. */
    EVENT_BUS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Event bus unavailable", true);

    private final ProblemType definition;

    StandardProblem(HttpStatus status, String title, boolean retryable) {
        this.definition = ProblemType.of(ProblemType.codeOf(this), status, title, retryable);
    }

    @Override
    public ProblemType definition() {
        return definition;
    }
}
