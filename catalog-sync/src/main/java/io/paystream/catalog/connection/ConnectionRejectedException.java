package io.paystream.catalog.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot go ahead, answered as the problem's RFC 9457 document. The detail is written for the person
 * who pasted the keys; it may name a masked key, never a whole one.
 */
class ConnectionRejectedException extends RuntimeException {

    private final ConnectionProblem problem;
    private final transient Map<String, Object> properties;

    ConnectionRejectedException(ConnectionProblem problem, String detail) {
        this(problem, detail, Map.of(), null);
    }

    ConnectionRejectedException(ConnectionProblem problem, String detail, Map<String, Object> properties) {
        this(problem, detail, properties, null);
    }

    ConnectionRejectedException(
            ConnectionProblem problem, String detail, Map<String, Object> properties, Throwable cause) {
        super(detail, cause, false, false);
        this.problem = problem;
        this.properties = new LinkedHashMap<>(properties);
    }

    ConnectionProblem problem() {
        return problem;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
