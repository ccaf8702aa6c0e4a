package io.paystream.events;

import java.io.InputStream;

/** Classpath locations of the JSON Schemas that describe the contracts, for consumers that validate. */
public final class Schemas {

    public static final String STRIPE_EVENT_V1 = "io/paystream/events/schemas/stripe-event.v1.schema.json";
    public static final String STRIPE_EVENT_HEADERS_V1 =
            "io/paystream/events/schemas/stripe-event-headers.v1.schema.json";
    public static final String STRIPE_FETCHED_OBJECT_V1 =
            "io/paystream/events/schemas/stripe-fetched-object.v1.schema.json";
    public static final String WEBHOOK_ENDPOINT_V1 = "io/paystream/events/schemas/webhook-endpoint.v1.schema.json";
    /** The domain-event feed's envelope, with one {@code $defs} entry per type's {@code data}. */
    public static final String PAYMENTS_EVENT_V1 = "io/paystream/events/schemas/payments-event.v1.schema.json";

    private Schemas() {}

    /** Opens a schema shipped in this jar. */
    public static InputStream open(String location) {
        InputStream in = Schemas.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalArgumentException("no schema at " + location);
        }
        return in;
    }
}
