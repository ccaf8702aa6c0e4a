package io.paystream.support.outbox;

/**
 * Kafka did not acknowledge every record in time (or refused one). Transient: the entries stay in their documents
 * for the next relay or sweeper pass. {@code ProblemDetailsAdvice} answers it 503 {@code event-bus-unavailable}.
 */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
