package io.paystream.catalog.connection.outbox;

import io.paystream.catalog.connection.ConnectionMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays outbox entries: publish, wait for every acknowledgement, then pull them from the document. A crash or a
 * Kafka outage between the write and the pull leaves them for {@link #sweep()}, so they are published at least once;
 * registrations are idempotent by key and consumers de-duplicate domain events by id.
 */
public class ConnectionOutbox {

    private static final Logger log = LoggerFactory.getLogger(ConnectionOutbox.class);

    private final OutboxStore store;
    private final ConnectionEventPublisher publisher;
    private final ConnectionMetrics metrics;
    private final Clock clock;
    private final Duration minAge;
    private final int batchSize;

    ConnectionOutbox(
            OutboxStore store,
            ConnectionEventPublisher publisher,
            ConnectionMetrics metrics,
            Clock clock,
            Duration minAge,
            int batchSize) {
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.minAge = minAge;
        this.batchSize = batchSize;
    }

    /** Publishes now and waits; throws when Kafka did not acknowledge (the entries stay for the sweeper). */
    public void relay(String connectionId, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        publisher.publish(entries);
        store.removeFromOutbox(connectionId, entries);
    }

    /** Publishes records that have no document to live in (a compensation's tombstone). */
    public void publishNow(OutboxEntry... entries) {
        publisher.publish(List.of(entries));
    }

    /** Like {@link #relay} when the caller's answer does not depend on it: the sweeper retries. */
    public void relayQuietly(String connectionId, List<OutboxEntry> entries) {
        try {
            relay(connectionId, entries);
        } catch (RuntimeException e) {
            log.warn(
                    "relaying {} outbox entries of {} failed, the sweeper retries: {}",
                    entries.size(),
                    connectionId,
                    e.toString());
        }
    }

    /** Publishes entries older than the minimum age; returns how many. */
    int sweep() {
        int published = 0;
        try {
            for (OutboxStore.Pending pending :
                    store.pendingBefore(clock.instant().minus(minAge), batchSize)) {
                relay(pending.connectionId(), pending.entries());
                published += pending.entries().size();
            }
            metrics.outboxBacklog(store.outboxBacklog());
        } catch (RuntimeException e) {
            log.warn("connection outbox sweep failed, retrying next pass: {}", e.toString());
        }
        return published;
    }
}
