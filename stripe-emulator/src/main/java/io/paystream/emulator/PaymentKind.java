package io.paystream.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payment objects the emulator lists and retrieves: where they live ({@code /v1/<path>}), their {@code object}
 * name, and the list filters each takes that compare one field for equality (Stripe's list parameter name to the
 * object's field, dotted for nested fields).
 */
enum PaymentKind {
    CUSTOMER("customers", "customer", Map.of("email", "email")),
    PAYMENT_INTENT("payment_intents", "payment_intent", Map.of("customer", "customer")),
    CHARGE("charges", "charge", Map.of("customer", "customer", "payment_intent", "payment_intent")),
    REFUND("refunds", "refund", Map.of("charge", "charge", "payment_intent", "payment_intent")),
    DISPUTE("disputes", "dispute", Map.of("charge", "charge", "payment_intent", "payment_intent")),
    CHECKOUT_SESSION(
            "checkout/sessions",
            "checkout.session",
            Map.of(
                    "customer", "customer",
                    "payment_intent", "payment_intent",
                    "subscription", "subscription",
                    "status", "status")),
    // status is filtered by PaymentObjectsApi: Stripe's default leaves canceled subscriptions out
    SUBSCRIPTION("subscriptions", "subscription", Map.of("customer", "customer")),
    INVOICE(
            "invoices",
            "invoice",
            Map.of(
                    "customer", "customer",
                    "subscription", "parent.subscription_details.subscription",
                    "status", "status")),
    PAYOUT("payouts", "payout", Map.of("status", "status"));

    /** Parameters every list takes. */
    static final Set<String> PAGING = Set.of("created", "ending_before", "limit", "starting_after");

    final String path;
    final String objectType;
    final Map<String, String> equalityFilters;

    PaymentKind(String path, String objectType, Map<String, String> equalityFilters) {
        this.path = path;
        this.objectType = objectType;
        this.equalityFilters = equalityFilters;
    }

    /** {@code /v1/customers}, {@code /v1/checkout/sessions}. */
    String collection() {
        return "/v1/" + path;
    }

    /** The retrieve path of one object, as a thin event's {@code related_object.url} gives it. */
    String url(String id) {
        return collection() + "/" + id;
    }

    Set<String> listParams() {
        Set<String> params = Router.union(PAGING, equalityFilters.keySet());
        return this == SUBSCRIPTION ? Router.union(params, Set.of("status")) : params;
    }

    static Optional<PaymentKind> ofObjectType(String objectType) {
        return Arrays.stream(values())
                .filter(kind -> kind.objectType.equals(objectType))
                .findFirst();
    }

    static Optional<PaymentKind> ofCollection(String collection) {
        return Arrays.stream(values())
                .filter(kind -> kind.collection().equals(collection))
                .findFirst();
    }

    static List<String> collections() {
        return Arrays.stream(values()).map(PaymentKind::collection).toList();
    }
}
