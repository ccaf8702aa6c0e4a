package io.paystream.emulator;

import java.util.Map;
import java.util.Set;

/**
 * {@code GET} of payment objects (payment intents, charges, customers, subscriptions ...) that a test placed with
 * {@link StripeEmulator#serveObject}. The emulator does not model payments; it only hands back the object as the test
 * wrote it, scoped to the account and mode like every other object, which is what a refetch needs.
 */
final class ServedObjectsApi {

    /** Retrieve paths of the objects that can be served, as {@code /v1/<collection>}. */
    static final Set<String> COLLECTIONS = Set.of(
            "/v1/payment_intents",
            "/v1/charges",
            "/v1/refunds",
            "/v1/disputes",
            "/v1/customers",
            "/v1/subscriptions",
            "/v1/invoices",
            "/v1/payouts",
            "/v1/checkout/sessions");

    void register(Router router) {
        for (String collection : COLLECTIONS) {
            router.on("GET", collection + "/{id}", Set.of("expand"), (call, path) -> {
                Map<String, Object> object = call.data().servedObjects.get(collection + '/' + path.get(0));
                return ApiError.found(object == null ? null : new JsonMap(object), kind(collection), path.get(0));
            });
        }
    }

    /** Stripe's 404 message names the object kind in the singular: "No such customer: 'cus_x'". */
    private static String kind(String collection) {
        String last = collection.substring(collection.lastIndexOf('/') + 1);
        return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
    }
}
