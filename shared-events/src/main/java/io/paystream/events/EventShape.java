package io.paystream.events;

import org.jspecify.annotations.Nullable;

/**
 * Which kind of record {@link Topics#STRIPE_EVENTS} carries. Snapshot events ({@code object: "event"}) embed the object
 * in {@code data.object}; thin events ({@code object: "v2.core.event"}) carry only {@code related_object}, and a consumer
 * must fetch the object itself. Both come from Stripe. A fetched object ({@code object: "paystream.fetched_object"},
 * {@link io.paystream.events.fetched.FetchedObject}) is Paystream's own: an object read from Stripe's API by a backfill
 * or to resolve a thin event, shaped like a snapshot event so that it takes the same path; webhook-ingest refuses it.
 */
public enum EventShape {
    SNAPSHOT("event"),
    THIN("v2.core.event"),
    FETCHED("paystream.fetched_object");

    private final String objectField;
    private final String headerValue = name().toLowerCase(java.util.Locale.ROOT);

    EventShape(String objectField) {
        this.objectField = objectField;
    }

    /** The value of the event's top-level {@code object} field. */
    public String objectField() {
        return objectField;
    }

    /** The shape whose {@code object} field is {@code value}, or {@code null} if the JSON is not a Stripe event. */
    public static @Nullable EventShape fromObjectField(@Nullable String value) {
        for (EventShape shape : values()) {
            if (shape.objectField.equals(value)) {
                return shape;
            }
        }
        return null;
    }

    public String headerValue() {
        return headerValue;
    }
}
