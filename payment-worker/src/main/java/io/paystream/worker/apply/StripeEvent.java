package io.paystream.worker.apply;

import io.paystream.events.EventSource;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot Stripe event, or a fetched object read as one ({@code stripe.events}' shape {@code fetched}), parsed once.
 *
 * @param id the event id; {@code fetch_...} for a fetched object
 * @param type the event type, e.g. {@code invoice.paid}; {@code <object>.fetched} for a fetched object
 * @param created the event's {@code created}, unix seconds; for a fetched object the second it was fetched
 * @param livemode live or test mode
 * @param account {@code platform} or the connected account {@code acct_...} the event belongs to
 * @param objectType {@code data.object.object}, e.g. {@code payment_intent}
 * @param objectId {@code data.object.id}; {@code null} for objects without id (balance)
 * @param object {@code data.object}
 * @param source how it reached Paystream: {@link EventSource#WEBHOOK} or {@link EventSource#RECONCILIATION} for an
 *     event, {@link EventSource#BACKFILL} or {@link EventSource#THIN_EVENT} for a fetched object
 */
public record StripeEvent(
        String id,
        String type,
        long created,
        boolean livemode,
        String account,
        String objectType,
        @Nullable String objectId,
        JsonNode object,
        EventSource source) {

    public static final String PLATFORM = "platform";

    /** A webhook's event. */
    public StripeEvent(
            String id,
            String type,
            long created,
            boolean livemode,
            String account,
            String objectType,
            @Nullable String objectId,
            JsonNode object) {
        this(id, type, created, livemode, account, objectType, objectId, object, EventSource.WEBHOOK);
    }

    public Instant createdAt() {
        return Instant.ofEpochSecond(created);
    }

    /** An object read from Stripe's API rather than an event: it orders below an event of its second. */
    public boolean fetched() {
        return isFetched(source);
    }

    static boolean isFetched(EventSource source) {
        return source == EventSource.BACKFILL || source == EventSource.THIN_EVENT;
    }

    /**
     * Stripe's {@code *.deleted} events: the object is gone at Stripe and becomes a tombstone here. Except
     * {@code customer.subscription.deleted}, which is a cancellation: the subscription stays retrievable with status
     * canceled, so it is state, not a tombstone. A fetched object is a deletion when Stripe answered with its deleted
     * stub ({@code "deleted": true}), as it does for a deleted customer.
     */
    public boolean isDeletion() {
        if (fetched()) {
            return object.path("deleted").asBoolean(false);
        }
        return type.endsWith(".deleted") && !type.equals("customer.subscription.deleted");
    }
}
