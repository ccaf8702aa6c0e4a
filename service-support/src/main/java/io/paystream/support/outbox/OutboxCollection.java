package io.paystream.support.outbox;

/**
 * A collection whose documents carry an outbox, as the sweeper reads it.
 *
 * @param name the collection
 * @param defaultTopic the topic of entries stored without one: payment-worker's entries before this module named
 *     none and all went to {@code payments.events}
 */
public record OutboxCollection(String name, String defaultTopic) {

    public OutboxCollection {
        if (name.isBlank() || defaultTopic.isBlank()) {
            throw new IllegalArgumentException("an outbox collection needs a name and a default topic");
        }
    }
}
