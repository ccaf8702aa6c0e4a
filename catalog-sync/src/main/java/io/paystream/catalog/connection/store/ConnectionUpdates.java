package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Changes an administrator asks for: switching a connection on or off, and disconnecting it. */
public class ConnectionUpdates {

    private static final Logger log = LoggerFactory.getLogger(ConnectionUpdates.class);
    private static final int MAX_ATTEMPTS = 8;

    private final ConnectionStore store;
    private final OutboxSweeper outbox;
    private final ConnectionEvents events;
    private final WebhookEndpointRemover endpoints;
    private final ConnectionMetrics metrics;
    private final Clock clock;

    ConnectionUpdates(
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            WebhookEndpointRemover endpoints,
            ConnectionMetrics metrics,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Off: no syncs, and consumers of the status feed can stop taking payments; the webhook endpoint stays. */
    public Connection setEnabled(String id, boolean enabled) {
        return change(id, current -> {
            if (current.disconnected()) {
                throw new ConnectionRejectedException(
                        ConnectionProblem.CONNECTION_DISCONNECTED, id + " is disconnected and cannot be enabled.");
            }
            return current.enabled() == enabled
                    ? Optional.empty()
                    : Optional.of(new Change(current.withEnabled(enabled, now()), List.of()));
        });
    }

    /**
     * Removes the webhook endpoint on Stripe (already gone is fine), wipes the secrets, marks the connection
     * disconnected (which stops its syncs) and announces it: registration tombstone and status event. Idempotent.
     * Stripe unreachable leaves everything as it was, so the call can be repeated.
     */
    public Connection disconnect(String id) {
        Connection connection = store.find(id).orElseThrow(() -> ConnectionRejectedException.notFound(id));
        if (connection.disconnected()) {
            return connection;
        }
        endpoints.remove(connection);
        Connection disconnected = change(id, current -> {
            if (current.disconnected()) {
                return Optional.empty();
            }
            Instant now = now();
            Connection next = current.disconnect(now);
            List<OutboxEntry> entries = new ArrayList<>();
            if (current.kind() == ConnectionKind.KEYS) {
                entries.add(events.tombstone(id, now));
            }
            entries.add(events.statusChanged(next, current.status(), null, now));
            return Optional.of(new Change(next, entries));
        });
        metrics.statusChanged(ConnectionStatus.DISCONNECTED);
        log.info(
                "disconnected {} ({} {} mode)",
                id,
                disconnected.accountId(),
                disconnected.mode().value());
        return disconnected;
    }

    private record Change(Connection next, List<OutboxEntry> outbox) {}

    /** Read, decide, conditional write; again when another write came first. No change decided: the current state. */
    private Connection change(String id, Function<Connection, Optional<Change>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Connection current = store.find(id).orElseThrow(() -> ConnectionRejectedException.notFound(id));
            Optional<Change> decided = decide.apply(current);
            if (decided.isEmpty()) {
                return current;
            }
            Change change = decided.get();
            Optional<PendingEntries> written = store.update(current, change.next(), change.outbox());
            if (written.isPresent()) {
                outbox.relayOrSweepLater(List.of(written.get()));
                return change.next();
            }
        }
        throw new ConnectionRejectedException(
                ConnectionProblem.STORE_UNAVAILABLE, id + " is being changed concurrently; try again.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
