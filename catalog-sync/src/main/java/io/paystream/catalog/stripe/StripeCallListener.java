package io.paystream.catalog.stripe;

/** Told about every HTTP attempt a {@link StripeClients} client makes, retries included. */
public interface StripeCallListener {

    /** Stripe answered with this status code. */
    void answered(int status);

    /** The request never got an answer (connect or read failure, timeout). */
    void unanswered();
}
