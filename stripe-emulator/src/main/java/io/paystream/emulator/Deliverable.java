package io.paystream.emulator;

/** What {@link WebhookDispatcher} posts: a snapshot event ({@link StripeEvent}) or a thin one ({@link ThinEvent}). */
interface Deliverable {

    String eventId();

    String eventType();

    /** The body of one attempt, rendered when it is made (a snapshot's {@code pending_webhooks} changes). */
    byte[] payload();

    /** One target answered 2xx. */
    void delivered();
}
