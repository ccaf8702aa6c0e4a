package io.paystream.worker.apply;

import io.paystream.events.domain.StripeChange;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A meaningful state change a projection found, before the engine wraps it in a CloudEvent with its
 * {@link io.paystream.events.domain.StripeOrigin} (object, account, mode, Stripe event).
 *
 * @param payload the type's own part of the event's {@code data}, as shared-events' record of that type
 */
public record DomainChange(StripeChange payload) {

    /** One of {@link io.paystream.events.domain.DomainEventTypes}. */
    public String type() {
        return payload.type();
    }

    /** The payload's fields as the event's {@code data} carries them, after the origin's. */
    public Map<String, @Nullable Object> data() {
        return payload.toData();
    }
}
