package io.paystream.bench.support;

import io.paystream.testsupport.StripeWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-signed, distinct, webhook-shaped {@code payment_intent.succeeded} events of a target size. Signed once before
 * the run (valid for the ingest's 300 s tolerance), so the load generator spends no CPU on HMAC.
 */
public final class SignedEvents {

    /** One event's JSON and its {@code Stripe-Signature} header. */
    public record SignedEvent(String id, String objectId, String body, String signature) {}

    private SignedEvents() {}

    public static List<SignedEvent> generate(int count, int targetBytes, String secret) {
        return generate("bench", count, targetBytes, secret);
    }

    /** Distinct events whose ids carry {@code prefix}, so several phases of one run never share an object. */
    public static List<SignedEvent> generate(String prefix, int count, int targetBytes, String secret) {
        Instant now = Instant.now();
        List<SignedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String body = event(prefix, i, now.getEpochSecond(), targetBytes);
            events.add(new SignedEvent(
                    "evt_%s_%08d".formatted(prefix, i),
                    "pi_%s_%08d".formatted(prefix, i),
                    body,
                    StripeWebhookSigner.header(body.getBytes(StandardCharsets.UTF_8), secret, now)));
        }
        return events;
    }

    private static String event(String prefix, int i, long created, int targetBytes) {
        String head = """
                {"id":"evt_%4$s_%1$08d","object":"event","api_version":"2026-07-29.dahlia","created":%2$d,\
                "livemode":false,"pending_webhooks":1,"request":{"id":"req_%4$s_%1$08d","idempotency_key":null},\
                "type":"payment_intent.succeeded","data":{"object":{"id":"pi_%4$s_%1$08d","object":"payment_intent",\
                "amount":2000,"amount_capturable":0,"amount_received":2000,"capture_method":"automatic",\
                "client_secret":null,"confirmation_method":"automatic","created":%2$d,"currency":"usd",\
                "customer":"cus_%4$s_%3$04d","description":"Bench order %1$d","latest_charge":"ch_%4$s_%1$08d",\
                "livemode":false,"payment_method":"pm_%4$s_%1$08d","payment_method_types":["card"],\
                "status":"succeeded","metadata":{"order_id":"order_%1$08d","padding":"\
                """.formatted(i, created, i % 1000, prefix);
        String tail = "\"}}}}";
        int padding = Math.max(0, targetBytes - head.length() - tail.length());
        return head + "x".repeat(padding) + tail;
    }
}
