package io.paystream.catalog.connection.onboarding;

import io.paystream.catalog.connection.AccountSnapshot;
import io.paystream.catalog.connection.AccountStatusRules;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.Mode;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.events.StripeEventMetadata;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracks connected accounts from {@code account.updated}: derives the status (see {@link AccountStatusRules}) and
 * writes it, with a domain event when it changed, in one conditional update. An event older than the last one applied
 * (by {@code created}, then event id) never overwrites it, so redeliveries and out-of-order delivery converge.
 */
class AccountEvents {

    static final String ACCOUNT_UPDATED = "account.updated";
    private static final Logger log = LoggerFactory.getLogger(AccountEvents.class);
    private static final int MAX_ATTEMPTS = 8;

    private final ConnectionStore store;
    private final OutboxSweeper outbox;
    private final ConnectionEvents events;
    private final ConnectionMetrics metrics;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AccountEvents(
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            ConnectionMetrics metrics,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An event that can never be applied (not JSON, no account object); retrying cannot help. */
    static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    void apply(StripeEventMetadata metadata, byte[] body) {
        JsonNode account = accountObject(metadata, body);
        AccountSnapshot snapshot = AccountSnapshot.of(account);
        Mode mode = Mode.of(metadata.livemode());
        Instant created = metadata.created() != null ? metadata.created() : createdOf(body);
        String eventId = metadata.eventId().value();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Connection> found = store.findLive(snapshot.id(), mode);
            if (found.isEmpty()) {
                metrics.accountEvent("not_connected");
                return;
            }
            Connection current = found.get();
            if (!current.state().isOlderThan(created, eventId)) {
                metrics.accountEvent("stale");
                return;
            }
            AccountStatusRules.Assessment assessment = AccountStatusRules.assess(snapshot);
            Connection next = current.withState(
                    Connection.State.of(assessment, created, eventId),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            List<OutboxEntry> entries = next.status() == current.status()
                    ? List.of()
                    : List.of(events.statusChanged(next, current.status(), eventId, created));
            Optional<PendingEntries> written = store.update(current, next, entries);
            if (written.isPresent()) {
                metrics.accountEvent("applied");
                if (!entries.isEmpty()) {
                    metrics.statusChanged(next.status());
                    log.info(
                            "{} ({}) is now {} (was {}) after {}",
                            current.id(),
                            current.accountId(),
                            next.status().value(),
                            current.status().value(),
                            eventId);
                }
                outbox.relayOrSweepLater(List.of(written.get()));
                return;
            }
        }
        throw new IllegalStateException("connection of " + snapshot.id() + " kept changing; will retry " + eventId);
    }

    private JsonNode accountObject(StripeEventMetadata metadata, byte[] body) {
        JsonNode object;
        try {
            object = json.readTree(body).path("data").path("object");
        } catch (JacksonException e) {
            throw new UnreadableEventException(metadata.eventId().value() + " is not JSON", e);
        }
        if (!"account".equals(object.path("object").asString(null))
                || !object.path("id").isString()) {
            throw new UnreadableEventException(metadata.eventId().value() + " carries no account object", null);
        }
        return object;
    }

    private Instant createdOf(byte[] body) {
        return Instant.ofEpochSecond(json.readTree(body).path("created").asLong());
    }
}
