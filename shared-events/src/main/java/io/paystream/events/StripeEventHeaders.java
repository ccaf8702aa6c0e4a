package io.paystream.events;

/**
 * Kafka header names on {@link Topics#STRIPE_EVENTS} records. Values are UTF-8 strings. They let consumers route,
 * filter and de-duplicate without parsing the body; the body stays the exact bytes Stripe signed.
 */
public final class StripeEventHeaders {

    /** Stripe's event id, {@code evt_...}. Always present. */
    public static final String EVENT_ID = "stripe-event-id";

    /** Stripe's event type, e.g. {@code payment_intent.succeeded}. Always present. */
    public static final String EVENT_TYPE = "stripe-event-type";

    /** {@code snapshot}, {@code thin} or {@code fetched}, see {@link EventShape}. Always present. */
    public static final String EVENT_SHAPE = "stripe-event-shape";

    /** The connected account ({@code acct_...}) for Connect events; absent for the platform account's own events. */
    public static final String ACCOUNT = "stripe-account";

    /** {@code true} or {@code false}. Always present. */
    public static final String LIVEMODE = "stripe-livemode";

    /** The API version the event was rendered in; absent when Stripe sent none. */
    public static final String API_VERSION = "stripe-api-version";

    /** The event's {@code created} time as ISO-8601 instant; absent when Stripe sent none. */
    public static final String EVENT_CREATED = "stripe-event-created";

    /** Which configured webhook endpoint received the event. Always present. */
    public static final String ENDPOINT_ID = "paystream-endpoint-id";

    /** The tenant (platform customer) the receiving endpoint belongs to. Always present. */
    public static final String TENANT = "paystream-tenant";

    /** When webhook-ingest received the request, ISO-8601 instant. Always present. */
    public static final String RECEIVED_AT = "paystream-received-at";

    /**
     * How the record reached Paystream ({@link EventSource}): {@code reconciliation}, {@code backfill} or
     * {@code thin_event}; absent on webhooks.
     */
    public static final String SOURCE = "paystream-source";

    /** The backfill run that listed a fetched object; absent otherwise. */
    public static final String RUN_ID = "paystream-run-id";

    /** Version of this header contract; bumped only on incompatible change. */
    public static final String CONTRACT_VERSION = "paystream-contract-version";

    public static final String CURRENT_CONTRACT_VERSION = "1";

    private StripeEventHeaders() {}
}
