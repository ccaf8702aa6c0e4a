package io.paystream.events.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One record value on {@link io.paystream.events.Topics#PAYMENTS_EVENTS}: a CloudEvents 1.0 event in structured JSON
 * mode (schema {@value #SCHEMA_LOCATION}). The record key is {@link #subject()}, the aggregate id.
 *
 * <p>Delivery is at least once: consumers de-duplicate by {@link #id()}, which is derived from the Stripe event id and
 * the domain type, so a redelivered or re-published event carries the same id.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id deterministic, see {@link #idFor(String, String)}
 * @param source {@code /paystream/payment-worker/<account>}, account being {@code platform} or {@code acct_...}
 * @param type one of {@link DomainEventTypes}
 * @param subject the aggregate id (a Stripe object id)
 * @param time when the change happened at Stripe (the Stripe event's {@code created})
 * @param datacontenttype always {@value #CONTENT_TYPE}
 * @param dataschema the schema URI of {@code data}'s version
 * @param data the normalised payload: ids, amounts, currency, status, account, livemode
 */
public record DomainEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        Map<String, Object> data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String DATA_SCHEMA_V1 = "https://paystream.io/schemas/payments-event.v1.schema.json";
    public static final String SCHEMA_LOCATION = "io/paystream/events/schemas/payments-event.v1.schema.json";
    public static final String SOURCE_PREFIX = "/paystream/payment-worker/";

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A version-1 event with the fixed attributes filled in. */
    public static DomainEvent of(
            String stripeEventId, String account, String type, String subject, Instant time, Map<String, Object> data) {
        return new DomainEvent(
                SPEC_VERSION,
                idFor(stripeEventId, type),
                SOURCE_PREFIX + account,
                type,
                subject,
                time,
                CONTENT_TYPE,
                DATA_SCHEMA_V1,
                data);
    }

    /** Name-based (type 3) UUID of the Stripe event id and the domain type: the same inputs give the same id. */
    public static String idFor(String stripeEventId, String type) {
        return UUID.nameUUIDFromBytes((stripeEventId + '|' + type).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
