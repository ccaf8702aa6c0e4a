package io.paystream.catalog.connection.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where outbox entries wait: the connection documents, which the store writes together with each change. Declared
 * here, implemented by the store, so the relay needs nothing of how connections are stored.
 */
public interface OutboxStore {

    /** Outbox entries written before {@code cutoff}, per connection id, from at most {@code limit} documents. */
    List<Pending> pendingBefore(Instant cutoff, int limit);

    /** Removes entries once Kafka acknowledged them. */
    void removeFromOutbox(String connectionId, List<OutboxEntry> entries);

    /** How many documents hold entries not yet relayed. */
    long outboxBacklog();

    /** The waiting entries of one connection. */
    record Pending(String connectionId, List<OutboxEntry> entries) {}
}
