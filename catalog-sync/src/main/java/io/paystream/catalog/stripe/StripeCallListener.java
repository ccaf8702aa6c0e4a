package io.paystream.catalog.stripe;

/**
 * Told about every HTTP attempt a {@link StripeClients} client makes, retries included: what a run counts of its own.
 * The service-wide request metric is recorded by the client itself.
 */
public interface StripeCallListener {

    /** For callers that keep no counts of their own. */
    StripeCallListener NONE = new StripeCallListener() {
        @Override
        public void answered(int status) {}

        @Override
        public void unanswered() {}
    };

    /** Stripe answered with this status code. */
    void answered(int status);

    /** The request never got an answer (connect or read failure, timeout). */
    void unanswered();
}
