package io.paystream.catalog.backfill;

import io.paystream.catalog.connection.ConnectionUsable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads a connection's history once it becomes usable (keys validated, onboarding reaching {@code active} or
 * {@code restricted}, switched on again): a new customer's payments, subscriptions and payouts from before Paystream
 * knew them. Only queues the run: the connection's request never waits for it, and never fails because of it.
 */
@Component
class ConnectionBackfills {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBackfills.class);

    private final Backfills backfills;
    private final boolean enabled;

    ConnectionBackfills(Backfills backfills, BackfillProperties properties) {
        this.backfills = backfills;
        this.enabled = properties.onConnection();
    }

    @EventListener
    void connectionUsable(ConnectionUsable connection) {
        if (!enabled) {
            return;
        }
        try {
            backfills
                    .backfillConnection(connection.accountId(), connection.livemode())
                    .ifPresentOrElse(
                            started -> log.info(
                                    "connection {} ({}) is usable: backfill {} queued",
                                    connection.connectionId(),
                                    connection.accountId(),
                                    started.runId()),
                            () -> log.info(
                                    "connection {} ({}) is usable; no backfill queued (already queued here, or no"
                                            + " key reaches it)",
                                    connection.connectionId(),
                                    connection.accountId()));
        } catch (RuntimeException e) {
            log.warn(
                    "connection {} ({}): backfill not queued, the scheduled pass will read it: {}",
                    connection.connectionId(),
                    connection.accountId(),
                    e.toString());
        }
    }
}
