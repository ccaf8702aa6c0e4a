package io.paystream.catalog.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request that cannot go ahead, answered as the problem's RFC 9457 document. The detail is written for the person
 * who pasted the keys; it may name a masked key, never a whole one.
 */
public class ConnectionRejectedException extends RuntimeException {

    private final ConnectionProblem problem;
    private final transient Map<String, Object> properties;

    public ConnectionRejectedException(ConnectionProblem problem, String detail) {
        this(problem, detail, Map.of(), null);
    }

    public ConnectionRejectedException(ConnectionProblem problem, String detail, Map<String, Object> properties) {
        this(problem, detail, properties, null);
    }

    public ConnectionRejectedException(
            ConnectionProblem problem, String detail, Map<String, Object> properties, @Nullable Throwable cause) {
        super(detail, cause, false, false);
        this.problem = problem;
        this.properties = new LinkedHashMap<>(properties);
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

    public ConnectionProblem problem() {
        return problem;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
