package io.paystream.worker.outbox;

/** Kafka did not acknowledge domain events in time; they stay in the outbox and are retried. Transient. */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
