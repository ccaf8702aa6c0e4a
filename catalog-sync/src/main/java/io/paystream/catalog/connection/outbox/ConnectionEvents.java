package io.paystream.catalog.connection.outbox;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Builds the outbox entries connections write: status-change domain events and endpoint registrations. */
public final class ConnectionEvents {

    static final String SOURCE_PREFIX = "/paystream/catalog-sync/";

    private final JsonMapper json = JsonMapper.builder().build();

    ConnectionEvents() {}

    /**
     * {@code io.paystream.connection.status_changed}, subject = connection id. The CloudEvent id is derived from the
     * connection, the cause (the Stripe event, or the write's version for API-caused changes) and the type, like
     * payment-worker's ids.
     */
    public OutboxEntry statusChanged(
            Connection next, @Nullable ConnectionStatus previous, @Nullable String stripeEventId, Instant time) {
        String cause = stripeEventId != null ? stripeEventId : "v" + next.version();
        String type = DomainEventTypes.CONNECTION_STATUS_CHANGED;
        String id = DomainEvent.idFor(next.id() + '|' + cause, type);
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("connectionId", next.id());
        data.put("tenant", next.tenant());
        data.put("kind", next.kind().value());
        data.put("account", next.accountId());
        data.put("livemode", next.mode().livemode());
        data.put("previousStatus", previous == null ? null : previous.value());
        data.put("status", next.status().value());
        data.put("missing", next.state().missing());
        data.put("disabledReason", next.state().disabledReason());
        data.put("stripeEventId", stripeEventId);
        DomainEvent event = new DomainEvent(
                DomainEvent.SPEC_VERSION,
                id,
                SOURCE_PREFIX + next.accountId(),
                type,
                next.id(),
                time,
                DomainEvent.CONTENT_TYPE,
                DomainEvent.DATA_SCHEMA_V1,
                data);
        return new OutboxEntry(id, Topics.PAYMENTS_EVENTS, next.id(), json.writeValueAsString(event), type, time);
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
        return new OutboxEntry(
                UUID.randomUUID().toString(),
                Topics.WEBHOOK_ENDPOINTS,
                connection.id(),
                json.writeValueAsString(registration),
                null,
                now);
    }

    /** Removes the endpoint from webhook-ingest (and, after compaction, from the topic). */
    public OutboxEntry tombstone(String connectionId, Instant now) {
        return new OutboxEntry(UUID.randomUUID().toString(), Topics.WEBHOOK_ENDPOINTS, connectionId, null, null, now);
    }
}
