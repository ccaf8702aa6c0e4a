package io.paystream.worker.refetch;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where the Stripe API serves each object type the worker keeps; id-less objects (balance) have no path. */
final class StripeObjectPaths {

    private static final Map<String, String> COLLECTIONS = Map.ofEntries(
            Map.entry("payment_intent", "/v1/payment_intents/"),
            Map.entry("charge", "/v1/charges/"),
            Map.entry("refund", "/v1/refunds/"),
            Map.entry("dispute", "/v1/disputes/"),
            Map.entry("checkout.session", "/v1/checkout/sessions/"),
            Map.entry("customer", "/v1/customers/"),
            Map.entry("subscription", "/v1/subscriptions/"),
            Map.entry("invoice", "/v1/invoices/"),
            Map.entry("payout", "/v1/payouts/"),
            Map.entry("account", "/v1/accounts/"));

    private StripeObjectPaths() {}

    static Optional<String> of(String objectType, @Nullable String objectId) {
        String collection = COLLECTIONS.get(objectType);
        return collection == null || objectId == null ? Optional.empty() : Optional.of(collection + objectId);
    }
}
