package io.paystream.ingest.publish;

import org.jspecify.annotations.Nullable;

/** The broker did not acknowledge a record in time, so the request must not be answered 2xx. */
public final class PublishUnavailableException extends Exception {

    /** Why the record was not acknowledged. */
    public enum Reason {
        /** The circuit breaker is open after recent failures: the broker was not even tried. */
        CIRCUIT_OPEN,
        /** No acknowledgement within the publish timeout. */
        TIMEOUT,
        /** The producer reported an error. */
        FAILED
    }

    private final Reason reason;

    PublishUnavailableException(Reason reason, @Nullable Throwable cause) {
        super("record not acknowledged: " + reason, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
