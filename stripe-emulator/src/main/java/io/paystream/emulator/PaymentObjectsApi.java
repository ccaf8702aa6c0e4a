package io.paystream.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET} lists and retrieves of payment objects ({@link PaymentKind}) and {@code GET /v1/balance}, scoped to the
 * acting account and the key's mode. The objects come from enacted lifecycles, seeding and
 * {@link StripeEmulator#serveObject}; the API itself creates none (Paystream only reads them).
 */
final class PaymentObjectsApi {

    /** Stripe's subscription statuses; {@code ended} means canceled or incomplete_expired. */
    private static final Set<String> SUBSCRIPTION_STATUSES = Set.of(
            "active",
            "all",
            "canceled",
            "ended",
            "incomplete",
            "incomplete_expired",
            "past_due",
            "paused",
            "trialing",
            "unpaid");

    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

    void register(Router router) {
        for (PaymentKind kind : PaymentKind.values()) {
            router.on("GET", kind.collection(), kind.listParams(), (call, path) -> list(call, kind))
                    .on(
                            "GET",
                            kind.collection() + "/{id}",
                            Set.of(),
                            (call, path) -> ApiError.found(
                                    call.data().payments.of(kind).retrieve(path.get(0)), kind.objectType, path.get(0)));
        }
        router.on("GET", "/v1/balance", Set.of(), (call, path) -> balance(call));
    }

    private static JsonMap list(Call call, PaymentKind kind) {
        Params params = call.params;
        List<Predicate<PaymentObject>> filters = new ArrayList<>();
        Predicate<Listed> created = CreatedFilter.of(params);
        filters.add(created::test);
        for (Map.Entry<String, String> filter : kind.equalityFilters.entrySet()) {
            String wanted = params.string(filter.getKey());
            if (wanted != null) {
                String field = filter.getValue();
                filters.add(object -> wanted.equals(object.field(field)));
            }
        }
        if (kind == PaymentKind.SUBSCRIPTION) {
            filters.add(subscriptionStatus(params));
        }
        Predicate<PaymentObject> all = object -> filters.stream().allMatch(filter -> filter.test(object));
        return ListPage.of(call.data().payments.of(kind), params, all, kind.collection(), kind.objectType);
    }

    /** Stripe lists subscriptions that have not ended unless {@code status} says otherwise. */
    private static Predicate<PaymentObject> subscriptionStatus(Params params) {
        String status = params.string("status");
        if (status != null && !SUBSCRIPTION_STATUSES.contains(status)) {
            throw ApiError.invalid(
                    "Invalid status: must be one of "
                            + String.join(", ", new java.util.TreeSet<>(SUBSCRIPTION_STATUSES)),
                    "status");
        }
        if (status == null) {
            return object -> !ENDED.contains(object.field("status"));
        }
        return switch (status) {
            case "all" -> object -> true;
            case "ended" -> object -> ENDED.contains(object.field("status"));
            default -> object -> status.equals(object.field("status"));
        };
    }

    private static JsonMap balance(Call call) {
        Map<String, Object> balance = call.data().payments.balance;
        return balance != null
                ? new JsonMap(balance)
                : PaymentObjects.emptyBalance(call.account.spec.defaultCurrency(), call.livemode());
    }
}
