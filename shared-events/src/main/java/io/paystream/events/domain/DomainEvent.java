package io.paystream.events.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paystream.events.EventSource;
import io.paystream.events.Schemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One record value on {@link io.paystream.events.Topics#PAYMENTS_EVENTS}: a CloudEvents 1.0 event in structured JSON
 * mode (schema {@value #SCHEMA_LOCATION}). The record key is {@link #subject()}, the aggregate id.
 *
 * <p>Delivery is at least once: consumers de-duplicate by {@link #id()}, which is derived from the Stripe event id and
 * the domain type, so a redelivered or re-published event carries the same id.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id deterministic, see {@link #idFor(String, String)}
 * @param source {@code /paystream/payment-worker/<account>}, account being {@code platform} or {@code acct_...};
 *     {@code /paystream/catalog-sync/<account>} for {@link ConnectionStatusChanged}
 * @param type one of {@link DomainEventTypes}
 * @param subject the aggregate id: a Stripe object id, or the connection id for {@link ConnectionStatusChanged}
 * @param time when the change happened at Stripe (the Stripe event's {@code created})
 * @param datacontenttype always {@value #CONTENT_TYPE}
 * @param dataschema the schema URI of {@code data}'s version
 * @param data the normalised payload: ids, amounts, currency, status, account, livemode; typed:
 *     {@link #typedData()}
 * @param paystreamsource a CloudEvents extension attribute: how the Stripe data behind the change reached Paystream
 *     when it was not a webhook ({@code reconciliation}, {@code backfill}, {@code thin_event}, see
 *     {@link EventSource}); {@code null}, and then left out of the JSON, for webhook-driven changes and for
 *     catalog-sync's connection events, so their JSON is what it was before the attribute existed. Read as a string:
 *     a newer producer's value is kept, not refused
 */
public record DomainEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        @Nullable String dataschema,
        Map<String, @Nullable Object> data,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String paystreamsource) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String DATA_SCHEMA_V1 = "https://paystream.io/schemas/payments-event.v1.schema.json";
    public static final String SCHEMA_LOCATION = Schemas.PAYMENTS_EVENT_V1;
    public static final String SOURCE_PREFIX = "/paystream/payment-worker/";

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** An event without {@link #paystreamsource()}: a webhook-driven change, or a connection event. */
    public DomainEvent(
            String specversion,
            String id,
            String source,
            String type,
            String subject,
            Instant time,
            String datacontenttype,
            @Nullable String dataschema,
            Map<String, @Nullable Object> data) {
        this(specversion, id, source, type, subject, time, datacontenttype, dataschema, data, null);
    }

    /** A version-1 event with the fixed attributes filled in. */
    public static DomainEvent of(
            String stripeEventId,
            String account,
            String type,
            String subject,
            Instant time,
            Map<String, @Nullable Object> data) {
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

    /**
     * A payment-worker event from a typed change: the same envelope as
     * {@link #of(String, String, String, String, Instant, Map) of}{@code (origin.stripeEventId(), origin.account(),
     * data.type(), origin.objectId(), time, <origin fields, then data's>)}.
     *
     * @param origin the changed Stripe object and the Stripe event that changed it
     * @param time the Stripe event's {@code created}
     */
    public static DomainEvent of(StripeOrigin origin, Instant time, StripeChange data) {
        return of(origin.stripeEventId(), origin.account(), data.type(), origin.objectId(), time, origin.data(data));
    }

    /**
     * A catalog-sync connection event: subject = the connection id, source =
     * {@value ConnectionStatusChanged#SOURCE_PREFIX}{@code <account>}, id derived from the connection, the cause and
     * the type, so re-publishing the same change gives the same id.
     *
     * @param cause what caused the change: the {@code account.updated} event id, or {@code v<version>} of the
     *     connection write when an API call caused it
     * @param time when the change happened
     */
    public static DomainEvent of(String cause, Instant time, ConnectionStatusChanged data) {
        String id = idFor(data.connectionId() + '|' + cause, data.type());
        return new DomainEvent(
                SPEC_VERSION,
                id,
                ConnectionStatusChanged.SOURCE_PREFIX + data.account(),
                data.type(),
                data.connectionId(),
                time,
                CONTENT_TYPE,
                DATA_SCHEMA_V1,
                data.toData());
    }

    /**
     * This event marked with how its Stripe data came: {@link #paystreamsource()} is {@code source}'s header value, or
     * {@code null} for {@link EventSource#WEBHOOK}. The id stays what it was: a reconciled event that the webhook
     * delivers too yields the same domain event, which consumers de-duplicate.
     */
    public DomainEvent markedWith(EventSource source) {
        return new DomainEvent(
                specversion,
                id,
                this.source,
                type,
                subject,
                time,
                datacontenttype,
                dataschema,
                data,
                source == EventSource.WEBHOOK ? null : source.headerValue());
    }

    /**
     * {@link #data()} as the record of {@link #type()}, or {@link UnknownEventData} for a type this version does not
     * know. Never fails on an event {@link DomainEvents#read(byte[])} returned. Built on each call: keep the result.
     *
     * @throws MalformedDomainEventException when a known type's data breaks its record's contract
     */
    public DomainEventData typedData() {
        return DomainEvents.typed(type, data);
    }

    /**
     * The first five {@code data} fields of a payment-worker event ({@code objectId}, {@code objectType},
     * {@code account}, {@code livemode}, {@code stripeEventId}); empty for catalog-sync's connection events and for any
     * event whose data lacks one of them.
     */
    public Optional<StripeOrigin> stripeOrigin() {
        return StripeOrigin.find(type, data);
    }

    /** Name-based (type 3) UUID of the Stripe event id and the domain type: the same inputs give the same id. */
    public static String idFor(String stripeEventId, String type) {
        return UUID.nameUUIDFromBytes((stripeEventId + '|' + type).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
