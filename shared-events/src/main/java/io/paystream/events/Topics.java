package io.paystream.events;

/** Kafka topic names. Every producer and consumer refers to these constants, never to literals. */
public final class Topics {

    /** Verified Stripe webhook events, value = the exact bytes Stripe sent, key = the Stripe object id. */
    public static final String STRIPE_EVENTS = "stripe.events";

    /**
     * Stripe objects Paystream read from the API (a backfill, a thin event's object), as
     * {@link io.paystream.events.fetched.FetchedObject}s keyed by object id like their events. A topic of its own, not
     * {@link #STRIPE_EVENTS}: only payment-worker needs them, and a backfill writes hundreds of thousands, which every
     * other reader of the events (catalog-sync's listeners) would otherwise fetch and pass over.
     */
    public static final String STRIPE_FETCHED = "stripe.fetched";

    /** Stripe events a consumer could not apply after bounded retries, with the reason in headers. */
    public static final String STRIPE_EVENTS_DEAD_LETTER = "stripe.events.dlt";

    /** The normalised domain-event feed (CloudEvents 1.0, JSON), keyed by aggregate id. */
    public static final String PAYMENTS_EVENTS = "payments.events";

    /**
     * Webhook endpoints registered at runtime (one per Stripe connection), compacted, keyed by endpoint id. A null
     * value (tombstone) removes the endpoint. webhook-ingest reads it from the beginning at start and then follows it,
     * so a new connection's endpoint is accepted without a restart. Signing secrets in it are encrypted.
     */
    public static final String WEBHOOK_ENDPOINTS = "paystream.webhook-endpoints";

    private Topics() {}
}
