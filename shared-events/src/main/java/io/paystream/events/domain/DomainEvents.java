package io.paystream.events.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the feed on {@link io.paystream.events.Topics#PAYMENTS_EVENTS} for Java consumers: a record value becomes a
 * {@link DomainEvent}, whose {@link DomainEvent#typedData()} is the record of its type. Thread-safe.
 *
 * <p>Tolerant where the contract lets producers grow: unknown envelope attributes (CloudEvents extensions) and unknown
 * {@code data} fields are ignored, and an unknown {@code type} reads as {@link UnknownEventData}, so a consumer built
 * against this version keeps working when a newer producer adds a type. Strict where it promises: a missing envelope
 * attribute, or a known type whose {@code data} lacks a field its record needs or holds one of another JSON type, is a
 * {@link MalformedDomainEventException} (dead-letter it; it is a producer bug).
 *
 * <p>The one extension attribute Paystream writes, {@code paystreamsource}, is read into
 * {@link DomainEvent#paystreamsource()}: absent ({@code null}) for webhook-driven changes, else {@code reconciliation},
 * {@code backfill} or {@code thin_event}. It is kept as the string it is, so a value a newer producer adds reads too.
 */
public final class DomainEvents {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Every known type's record. A type missing here reads as {@link UnknownEventData}: DomainEventsTest checks. */
    private static final Map<String, Class<? extends DomainEventData>> RECORDS = Map.ofEntries(
            Map.entry(PaymentSucceeded.TYPE, PaymentSucceeded.class),
            Map.entry(PaymentFailed.TYPE, PaymentFailed.class),
            Map.entry(PaymentRefunded.TYPE, PaymentRefunded.class),
            Map.entry(DisputeOpened.TYPE, DisputeOpened.class),
            Map.entry(DisputeClosed.TYPE, DisputeClosed.class),
            Map.entry(CheckoutCompleted.TYPE, CheckoutCompleted.class),
            Map.entry(SubscriptionActivated.TYPE, SubscriptionActivated.class),
            Map.entry(SubscriptionWentPastDue.TYPE, SubscriptionWentPastDue.class),
            Map.entry(SubscriptionCanceled.TYPE, SubscriptionCanceled.class),
            Map.entry(SubscriptionRenewed.TYPE, SubscriptionRenewed.class),
            Map.entry(InvoicePaid.TYPE, InvoicePaid.class),
            Map.entry(InvoicePaymentFailed.TYPE, InvoicePaymentFailed.class),
            Map.entry(PayoutPaid.TYPE, PayoutPaid.class),
            Map.entry(PayoutFailed.TYPE, PayoutFailed.class),
            Map.entry(AccountOnboardingUpdated.TYPE, AccountOnboardingUpdated.class),
            Map.entry(ConnectionStatusChanged.TYPE, ConnectionStatusChanged.class));

    private DomainEvents() {}

    /**
     * Reads one record value (CloudEvents 1.0, structured JSON mode, UTF-8).
     *
     * @throws MalformedDomainEventException when the value is not such an event, or a known type's {@code data} breaks
     *     its record's contract; never for an unknown type
     */
    public static DomainEvent read(byte[] json) {
        DomainEvent event;
        try {
            event = JSON.readValue(json, DomainEvent.class);
        } catch (JacksonException e) {
            throw new MalformedDomainEventException("not a domain event: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedDomainEventException("not a domain event: the value is JSON null", null);
        }
        requirePresent(event.specversion(), "specversion");
        requirePresent(event.datacontenttype(), "datacontenttype");
        event.typedData(); // a known type's data is checked here, so typedData() cannot fail later
        return event;
    }

    /** {@link #read(byte[])} for a value already decoded to a string. */
    public static DomainEvent read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The record class of a known type, {@code null} for an unknown one. */
    static @Nullable Class<? extends DomainEventData> recordFor(String type) {
        return RECORDS.get(type);
    }

    static DomainEventData typed(String type, Map<String, @Nullable Object> data) {
        Class<? extends DomainEventData> record = RECORDS.get(type);
        if (record == null) {
            return new UnknownEventData(type, data);
        }
        return RecordData.fromData(record, new DataFields(type, data));
    }

    private static void requirePresent(@Nullable String attribute, String name) {
        if (attribute == null) {
            throw new MalformedDomainEventException("the CloudEvents attribute " + name + " is missing", null);
        }
    }
}
