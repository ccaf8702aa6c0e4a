package io.paystream.worker.apply;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot Stripe event, parsed once.
 *
 * @param id the event id
 * @param type the event type, e.g. {@code invoice.paid}
 * @param created the event's {@code created}, unix seconds
 * @param livemode live or test mode
 * @param account {@code platform} or the connected account {@code acct_...} the event belongs to
 * @param objectType {@code data.object.object}, e.g. {@code payment_intent}
 * @param objectId {@code data.object.id}; {@code null} for objects without id (balance)
 * @param object {@code data.object}
 */
public record StripeEvent(
        String id,
        String type,
        long created,
        boolean livemode,
        String account,
        String objectType,
        @Nullable String objectId,
        JsonNode object) {

    public static final String PLATFORM = "platform";

    public Instant createdAt() {
        return Instant.ofEpochSecond(created);
    }

    /**
     * Stripe's {@code *.deleted} events: the object is gone at Stripe and becomes a tombstone here. Except
     * {@code customer.subscription.deleted}, which is a cancellation: the subscription stays retrievable with status
     * canceled, so it is state, not a tombstone.
     */
    public boolean isDeletion() {
        return type.endsWith(".deleted") && !type.equals("customer.subscription.deleted");
    }
}
