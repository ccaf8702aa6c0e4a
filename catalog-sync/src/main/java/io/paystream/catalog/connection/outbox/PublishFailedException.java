package io.paystream.catalog.connection.outbox;

/** Kafka did not acknowledge every record in time; what was relayed stays in the outbox for the sweeper. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
