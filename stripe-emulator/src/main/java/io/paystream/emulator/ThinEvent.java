package io.paystream.emulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A thin event ({@code object: "v2.core.event"}) as Stripe's event destinations send it: no snapshot, only which
 * object changed ({@code related_object} with the URL to fetch it) and, for a Connect account, its id in
 * {@code context}. Fixed once made: it carries no delivery counter.
 */
record ThinEvent(String id, String type, byte[] body) implements Deliverable {

    static ThinEvent of(
            String id,
            Instant created,
            boolean livemode,
            @Nullable String context,
            String objectType,
            String objectId) {
        JsonMap event = JsonMap.object("v2.core.event", id)
                .with("type", "v1." + objectType + ".updated")
                .with("created", created.toString())
                .with("livemode", livemode);
        if (context != null) {
            event.with("context", context);
        }
        event.with(
                "related_object",
                new JsonMap().with("id", objectId).with("type", objectType).with("url", url(objectType, objectId)));
        event.with("reason", null);
        return new ThinEvent(id, (String) event.get("type"), Json.bytes(event));
    }

    /** The retrieve path: {@code /v1/customers/cus_1}, {@code /v1/checkout/sessions/cs_1}, {@code /v1/prices/p}. */
    static String url(String objectType, String objectId) {
        return PaymentKind.ofObjectType(objectType)
                .map(kind -> kind.url(objectId))
                .orElseGet(() -> "/v1/" + objectType.replace('.', '/') + "s/" + objectId);
    }

    @Override
    public String eventId() {
        return id;
    }

    @Override
    public String eventType() {
        return type;
    }

    @Override
    public byte[] payload() {
        return body.clone();
    }

    @Override
    public void delivered() {
        // a thin event is not listed anywhere, so nothing counts its deliveries
    }
}
