package io.paystream.bench.ingest;

import io.paystream.testsupport.StripeWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-signed, distinct, webhook-shaped {@code payment_intent.succeeded} events of a target size. Signed once before
 * the run (valid for the ingest's 300 s tolerance), so the load generator spends no CPU on HMAC.
 */
final class SignedEvents {

    record SignedEvent(String body, String signature) {}

    private SignedEvents() {}

    static List<SignedEvent> generate(int count, int targetBytes, String secret) {
        Instant now = Instant.now();
        List<SignedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String body = event(i, now.getEpochSecond(), targetBytes);
            events.add(new SignedEvent(
                    body, StripeWebhookSigner.header(body.getBytes(StandardCharsets.UTF_8), secret, now)));
        }
        return events;
    }

    private static String event(int i, long created, int targetBytes) {
        String head = """
                {"id":"evt_bench_%1$08d","object":"event","api_version":"2026-07-29.dahlia","created":%2$d,\
                "livemode":false,"pending_webhooks":1,"request":{"id":"req_bench_%1$08d","idempotency_key":null},\
                "type":"payment_intent.succeeded","data":{"object":{"id":"pi_bench_%1$08d","object":"payment_intent",\
                "amount":2000,"amount_capturable":0,"amount_received":2000,"capture_method":"automatic",\
                "client_secret":null,"confirmation_method":"automatic","created":%2$d,"currency":"usd",\
                "customer":"cus_bench_%3$04d","description":"Bench order %1$d","latest_charge":"ch_bench_%1$08d",\
                "livemode":false,"payment_method":"pm_bench_%1$08d","payment_method_types":["card"],\
                "status":"succeeded","metadata":{"order_id":"order_%1$08d","padding":"\
                """.formatted(i, created, i % 1000);
        String tail = "\"}}}}";
        int padding = Math.max(0, targetBytes - head.length() - tail.length());
        return head + "x".repeat(padding) + tail;
    }
}
