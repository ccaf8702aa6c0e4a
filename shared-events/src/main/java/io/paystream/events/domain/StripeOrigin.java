package io.paystream.events.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link StripeChange} came from: the first five fields of its {@code data}, the same for every type.
 *
 * @param objectId the Stripe object's id; also the event's {@code subject} and Kafka key
 * @param objectType Stripe's object type, e.g. {@code payment_intent}, {@code checkout.session}
 * @param account {@code platform} or the connected account {@code acct_...}; also the end of the event's
 *     {@code source}
 * @param livemode live or test mode
 * @param stripeEventId the Stripe event ({@code evt_...}) whose application caused the change, or the fetched
 *     object's id ({@code fetch_...}, {@link io.paystream.events.fetched.FetchedObject}) when a fetch caused it; the
 *     event's {@code id} is derived from it and the type
 */
public record StripeOrigin(String objectId, String objectType, String account, boolean livemode, String stripeEventId) {

    public StripeOrigin {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stripeEventId, "stripeEventId");
    }

    /** The origin fields followed by the change's own: the whole {@code data} of the event. */
    Map<String, @Nullable Object> data(StripeChange change) {
        Map<String, @Nullable Object> data = RecordData.toData(this);
        data.putAll(change.toData());
        return data;
    }

    /** The origin when {@code data} carries all five fields with their JSON types, whatever the event's type. */
    static Optional<StripeOrigin> find(String type, Map<String, @Nullable Object> data) {
        try {
            return Optional.of(RecordData.fromData(StripeOrigin.class, new DataFields(type, data)));
        } catch (MalformedDomainEventException e) {
            return Optional.empty();
        }
    }
}
