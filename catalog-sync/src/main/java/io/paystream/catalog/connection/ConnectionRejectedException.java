package io.paystream.catalog.connection;

import io.paystream.support.problem.ProblemException;
import io.paystream.support.problem.ProblemType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A connection request that cannot go ahead: a {@link ProblemException}, so the connection API answers it as its RFC
 * 9457 document (type, title, code, retryable, the properties, {@code Retry-After} when retryable). The detail is
 * written for the person who pasted the keys; it may name a masked key, never a whole one.
 */
public class ConnectionRejectedException extends ProblemException {

    public ConnectionRejectedException(ProblemType problem, String detail) {
        super(problem, detail);
    }

    public ConnectionRejectedException(ProblemType problem, String detail, Map<String, ?> properties) {
        super(problem, detail, properties, null);
    }

    /** @param cause kept for logs, never written to the answer */
    public ConnectionRejectedException(
            ProblemType problem, String detail, Map<String, ?> properties, @Nullable Throwable cause) {
        super(problem, detail, properties, cause);
    }

    /** No connection has this id; raised wherever a request names one. */
    public static ConnectionRejectedException notFound(String id) {
        return new ConnectionRejectedException(ConnectionProblem.CONNECTION_NOT_FOUND, "No connection " + id + ".");
    }

    /**
     * The account has a live connection in that mode already, by keys or by onboarding alike.
     *
     * @param existingId the connection that has it, when known (a racing request may have taken it meanwhile)
     */
    public static ConnectionRejectedException alreadyConnected(
            String accountId, Mode mode, @Nullable String existingId) {
        return new ConnectionRejectedException(
                ConnectionProblem.ALREADY_CONNECTED,
                accountId + " is already connected in " + mode.value() + " mode"
                        + (existingId == null ? "" : " as " + existingId)
                        + "; disconnect it first to connect it again.",
                existingId == null ? Map.of() : Map.of("connectionId", existingId));
    }
}
