package io.paystream.worker.apply;

import java.nio.charset.StandardCharsets;

/** Minimal Stripe snapshot events for cases the lifecycle fixtures do not cover. */
final class TestEvents {

    private TestEvents() {}

    static byte[] event(String id, String type, long created, String object) {
        return event(id, type, created, false, null, object);
    }

    static byte[] event(String id, String type, long created, boolean livemode, String account, String object) {
        String accountField = account == null ? "" : "\"account\":\"" + account + "\",";
        return ("{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\"," + accountField
                        + "\"created\":" + created + ",\"livemode\":" + livemode + ",\"type\":\"" + type
                        + "\",\"data\":{\"object\":" + object + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String invoice(String id, String status, long attemptCount) {
        return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"status\":\"" + status
                + "\",\"amount_due\":2900,\"amount_paid\":" + ("paid".equals(status) ? 2900 : 0)
                + ",\"amount_remaining\":" + ("paid".equals(status) ? 0 : 2900) + ",\"currency\":\"usd\","
                + "\"attempt_count\":" + attemptCount + ",\"customer\":\"cus_1\",\"subscription\":\"sub_1\"}";
    }

    static String paymentIntent(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"status\":\"" + status
                + "\",\"amount\":1000,\"amount_received\":" + ("succeeded".equals(status) ? 1000 : 0)
                + ",\"currency\":\"eur\"}";
    }

    static String customer(String id, String email) {
        return "{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"" + email + "\",\"name\":\"Ada\"}";
    }
}
