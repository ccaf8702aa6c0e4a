package io.paystream.catalog.connection;

import io.paystream.events.crypto.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Changes an administrator asks for: switching a connection on or off, and disconnecting it. */
class ConnectionUpdates {

    private static final Logger log = LoggerFactory.getLogger(ConnectionUpdates.class);
    private static final int MAX_ATTEMPTS = 8;

    private final ConnectionStore store;
    private final ConnectionOutbox outbox;
    private final ConnectionEvents events;
    private final StripeGateway stripe;
    private final SecretCipher cipher;
    private final ConnectionMetrics metrics;
    private final Clock clock;

    ConnectionUpdates(
            ConnectionStore store,
            ConnectionOutbox outbox,
            ConnectionEvents events,
            StripeGateway stripe,
            SecretCipher cipher,
            ConnectionMetrics metrics,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.stripe = stripe;
        this.cipher = cipher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Off: no syncs, and consumers of the status feed can stop taking payments; the webhook endpoint stays. */
    Connection setEnabled(String id, boolean enabled) {
        return change(id, current -> {
            if (current.disconnected()) {
                throw new ConnectionRejectedException(
                        ConnectionProblem.CONNECTION_DISCONNECTED, id + " is disconnected and cannot be enabled.");
            }
            return current.enabled() == enabled ? null : new Change(current.withEnabled(enabled, now()), List.of());
        });
    }

    /**
     * Removes the webhook endpoint on Stripe (already gone is fine), wipes the secrets, marks the connection
     * disconnected (which stops its syncs) and announces it: registration tombstone and status event. Idempotent.
     * Stripe unreachable leaves everything as it was, so the call can be repeated.
     */
    Connection disconnect(String id) {
        Connection connection = store.find(id).orElseThrow(() -> ConnectionQueries.notFound(id));
        if (connection.disconnected()) {
            return connection;
        }
        removeWebhookEndpoint(connection);
        Connection disconnected = change(id, current -> {
            if (current.disconnected()) {
                return null;
            }
            Instant now = now();
            Connection next = current.disconnect(now);
            List<OutboxEntry> entries = new ArrayList<>();
            if (current.kind() == ConnectionKind.KEYS) {
                entries.add(events.tombstone(id, now));
            }
            entries.add(events.statusChanged(next, current.status(), null, now));
            return new Change(next, entries);
        });
        metrics.statusChanged(ConnectionStatus.DISCONNECTED);
        log.info(
                "disconnected {} ({} {} mode)",
                id,
                disconnected.accountId(),
                disconnected.mode().value());
        return disconnected;
    }

    private void removeWebhookEndpoint(Connection connection) {
        if (connection.kind() != ConnectionKind.KEYS || connection.secrets() == null) {
            return;
        }
        ApiKey key;
        try {
            key = ApiKey.parse(cipher.decrypt(connection.secrets().secretKeyEnvelope()));
        } catch (RuntimeException e) {
            log.error(
                    "webhook endpoint {} of {} cannot be deleted, the secret key cannot be decrypted: {}",
                    connection.webhookEndpointId(),
                    connection.id(),
                    e.getMessage());
            return;
        }
        try {
            boolean deleted = stripe.deleteWebhookEndpoint(key, connection.webhookEndpointId());
            log.info(
                    "webhook endpoint {} of {} {}",
                    connection.webhookEndpointId(),
                    connection.id(),
                    deleted ? "deleted on Stripe" : "was already gone from Stripe");
        } catch (ConnectionRejectedException e) {
            if (e.problem() != ConnectionProblem.INVALID_API_KEY && e.problem() != ConnectionProblem.REVOKED_API_KEY) {
                throw e;
            }
            // The customer revoked the key: nobody can delete the endpoint any more, but nothing can use it either
            // once webhook-ingest forgets it (tombstone); Stripe disables it after failed deliveries.
            log.warn(
                    "webhook endpoint {} of {} cannot be deleted, its key {} no longer works; disconnecting anyway",
                    connection.webhookEndpointId(),
                    connection.id(),
                    connection.secretKeyMasked());
        }
    }

    private record Change(Connection next, List<OutboxEntry> outbox) {}

    /** Read, decide, conditional write; again when another write came first. */
    private Connection change(String id, Function<Connection, Change> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Connection current = store.find(id).orElseThrow(() -> ConnectionQueries.notFound(id));
            Change change = decide.apply(current);
            if (change == null) {
                return current;
            }
            if (store.update(current, change.next(), change.outbox())) {
                outbox.relayQuietly(id, change.outbox());
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
