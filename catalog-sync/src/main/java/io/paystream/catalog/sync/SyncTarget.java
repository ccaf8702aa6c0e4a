package io.paystream.catalog.sync;

import io.paystream.catalog.stripe.StripeAccess;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Stripe catalog to keep in step: an account in one mode, and how to authenticate as it.
 *
 * @param account {@code platform} or a Stripe account id {@code acct_...}, the same naming the worker uses
 * @param livemode live or test data; the two are never mixed
 * @param apiKey the secret or restricted key the calls use; never logged
 * @param stripeAccountHeader the {@code Stripe-Account} header for a Connect account reached with the platform's key,
 *     or null when the key belongs to the account itself
 */
public record SyncTarget(
        String account,
        boolean livemode,
        String apiKey,
        @Nullable String stripeAccountHeader) implements StripeAccess {

    public SyncTarget {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** {@code <account>:<live|test>}, the unit of locking, status and metrics. */
    public String key() {
        return account + ':' + (livemode ? "live" : "test");
    }

    @Override
    public String toString() {
        return "SyncTarget[" + key() + "]";
    }
}
