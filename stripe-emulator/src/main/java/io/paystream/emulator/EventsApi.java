package io.paystream.emulator;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /v1/events}: the acting account's events in the key's mode, newest first, within the retention set by
 * {@link StripeEmulator#setEventRetention} (none by default).
 */
final class EventsApi {

    private final Store store;

    EventsApi(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.on(
                        "GET",
                        "/v1/events",
                        Set.of(
                                "created",
                                "delivery_success",
                                "ending_before",
                                "limit",
                                "starting_after",
                                "type",
                                "types"),
                        (call, path) -> list(call))
                .on("GET", "/v1/events/{id}", Set.of(), (call, path) -> retrieve(call, path.get(0)));
    }

    private JsonMap retrieve(Call call, String id) {
        StripeEvent event = call.data().events.get(id);
        return ApiError.found(event != null && event.created() >= store.oldestServedEvent() ? event : null, "event", id)
                .render();
    }

    private JsonMap list(Call call) {
        Params params = call.params;
        String type = params.string("type");
        List<String> types = params.strings("types");
        if (type != null && types != null) {
            throw ApiError.invalid("You may only specify one of these parameters: type, types.", "type");
        }
        Predicate<Listed> created = CreatedFilter.of(params);
        // Stripe: false finds events with a delivery still pending or failed, true those delivered everywhere
        Boolean deliverySuccess = params.bool("delivery_success");
        long oldest = store.oldestServedEvent();
        Predicate<StripeEvent> filter = event -> (type == null || matches(type, event.type))
                && (types == null || types.contains(event.type))
                && (deliverySuccess == null || deliverySuccess == event.deliveredEverywhere())
                && event.created() >= oldest
                && created.test(event);
        return ListPage.of(call.data().events, params, filter, "/v1/events", "event");
    }

    /** Stripe's {@code type} filter takes one {@code *} wildcard, as in {@code product.*}. */
    private static boolean matches(String pattern, String type) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(type);
        }
        return type.startsWith(pattern.substring(0, star))
                && type.endsWith(pattern.substring(star + 1))
                && type.length() >= pattern.length() - 1;
    }
}
