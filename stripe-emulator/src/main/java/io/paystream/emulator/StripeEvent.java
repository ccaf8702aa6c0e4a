package io.paystream.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An event, immutable once created like Stripe's, except {@code pending_webhooks} which counts deliveries not yet
 * acknowledged: one that failed for good or was dropped ({@link StripeEmulator#dropWebhooks}) stays counted, as at
 * Stripe, which is what {@code delivery_success=false} finds.
 */
final class StripeEvent extends Listed implements Deliverable {

    final String type;
    private final @Nullable String account;
    private final String apiVersion;
    private final boolean livemode;
    private final Map<String, @Nullable Object> object;
    private final @Nullable Map<String, @Nullable Object> previousAttributes;
    private final @Nullable String requestId;
    private final @Nullable String idempotencyKey;
    private final AtomicInteger pendingWebhooks = new AtomicInteger();

    StripeEvent(
            String id,
            long sequence,
            long created,
            String type,
            @Nullable String account,
            String apiVersion,
            boolean livemode,
            Map<String, @Nullable Object> object,
            @Nullable Map<String, @Nullable Object> previousAttributes,
            @Nullable String requestId,
            @Nullable String idempotencyKey) {
        super(id, sequence, created);
        this.type = type;
        this.account = account;
        this.apiVersion = apiVersion;
        this.livemode = livemode;
        this.object = object;
        this.previousAttributes = previousAttributes;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    void pending(int deliveries) {
        pendingWebhooks.set(deliveries);
    }

    @Override
    public void delivered() {
        pendingWebhooks.updateAndGet(count -> Math.max(0, count - 1));
    }

    /** Stripe's {@code delivery_success}: every delivery succeeded (vacuously when there were none). */
    boolean deliveredEverywhere() {
        return pendingWebhooks.get() == 0;
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
        return Json.bytes(render());
    }

    @Override
    JsonMap render() {
        JsonMap data = new JsonMap().with("object", object);
        if (previousAttributes != null) {
            data.with("previous_attributes", previousAttributes);
        }
        JsonMap event = JsonMap.object("event", id);
        if (account != null) {
            event.with("account", account);
        }
        return event.with("api_version", apiVersion)
                .with("created", created)
                .with("data", data)
                .with("livemode", livemode)
                .with("pending_webhooks", pendingWebhooks.get())
                .with("request", new JsonMap().with("id", requestId).with("idempotency_key", idempotencyKey))
                .with("type", type);
    }
}
