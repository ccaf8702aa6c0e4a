package io.paystream.catalog.connection.outbox;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.events.Topics;
import io.paystream.events.domain.ConnectionStatusChanged;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.support.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the outbox entries connections write: status-change domain events (shared-events'
 * {@link ConnectionStatusChanged} in its CloudEvents envelope) and endpoint registrations.
 */
public final class ConnectionEvents {

    private final JsonMapper json = JsonMapper.builder().build();

    ConnectionEvents() {}

    /**
     * {@code io.paystream.connection.status_changed}, subject = connection id. The CloudEvent id is derived from the
     * connection, the cause (the Stripe event, or the write's version for API-caused changes) and the type, like
     * payment-worker's ids, so the same change published twice carries the same id.
     */
    public OutboxEntry statusChanged(
            Connection next, @Nullable ConnectionStatus previous, @Nullable String stripeEventId, Instant time) {
        ConnectionStatusChanged data = new ConnectionStatusChanged(
                next.id(),
                next.tenant(),
                next.kind().value(),
                next.accountId(),
                next.mode().livemode(),
                previous == null ? null : previous.value(),
                next.status().value(),
                next.state().missing(),
                next.state().disabledReason(),
                stripeEventId);
        String cause = stripeEventId != null ? stripeEventId : "v" + next.version();
        DomainEvent event = DomainEvent.of(cause, time, data);
        return OutboxEntry.cloudEvent(
                event.id(), event.type(), Topics.PAYMENTS_EVENTS, next.id(), json.writeValueAsString(event), time);
    }

    /**
     * A problem the webhook endpoint check found, as {@code io.paystream.connection.status_changed} with the status
     * unchanged ({@code previousStatus} = {@code status}) and the finding appended to {@code missing}, e.g.
     * "Webhook endpoint: disabled at Stripe (re_enabled)": consumers of the feed already read that type, and a new
     * type in shared-events was not needed for a finding about the same connection. Id from the connection's version.
     */
    public OutboxEntry endpointProblem(Connection next, String finding, Instant time) {
        List<String> missing = new java.util.ArrayList<>(next.state().missing());
        missing.add(finding);
        ConnectionStatusChanged data = new ConnectionStatusChanged(
                next.id(),
                next.tenant(),
                next.kind().value(),
                next.accountId(),
                next.mode().livemode(),
                next.status().value(),
                next.status().value(),
                missing,
                next.state().disabledReason(),
                null);
        DomainEvent event = DomainEvent.of("endpoint-v" + next.version(), time, data);
        return OutboxEntry.cloudEvent(
                event.id(), event.type(), Topics.PAYMENTS_EVENTS, next.id(), json.writeValueAsString(event), time);
    }

    /** The endpoint of a key connection (which always has secrets), for webhook-ingest; the secret stays encrypted. */
    public OutboxEntry registration(Connection connection, Instant now) {
        WebhookEndpointRegistration registration = new WebhookEndpointRegistration(
                connection.id(),
                connection.tenant(),
                connection.accountId(),
                connection.mode().value(),
                List.of(Objects.requireNonNull(connection.secrets()).webhookSecretEnvelope()),
                now);
        return OutboxEntry.record(
                UUID.randomUUID().toString(),
                Topics.WEBHOOK_ENDPOINTS,
                connection.id(),
                json.writeValueAsString(registration),
                now);
    }

    /** Removes the endpoint from webhook-ingest (and, after compaction, from the topic). */
    public OutboxEntry tombstone(String connectionId, Instant now) {
        return OutboxEntry.tombstone(UUID.randomUUID().toString(), Topics.WEBHOOK_ENDPOINTS, connectionId, now);
    }
}
