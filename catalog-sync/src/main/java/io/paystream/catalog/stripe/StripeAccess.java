package io.paystream.catalog.stripe;

import org.jspecify.annotations.Nullable;

/**
 * What a client needs to act as one Stripe account in one mode. Declared here so this package needs nothing of the
 * sync's targets, which implement it.
 */
public interface StripeAccess {

    /** The secret or restricted key the calls use; never logged. */
    String apiKey();

    /** The {@code Stripe-Account} header for a Connect account reached with the platform's key, or null. */
    @Nullable
    String stripeAccountHeader();

    /** Which mode's rate limiter and retry policy the client shares. */
    boolean livemode();
}
