package io.paystream.events;

import java.util.Objects;

/** A Stripe Event object's id ({@code evt_...}); the unit of de-duplication. */
public record StripeEventId(String value) {

    public StripeEventId {
        Objects.requireNonNull(value, "event id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("event id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
