package io.paystream.worker.refetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.worker.EngineRun;
import io.paystream.worker.apply.ApplyOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refetch mode against the Stripe API emulator: a same-second tie that the payloads cannot settle takes the object's
 * current state from the API, whichever order the two events arrive in; without the mode, or when the API cannot
 * answer, the event-id rule decides.
 */
class RefetchModeTest {

    private static final long SECOND = 1_794_900_000L;
    private static StripeEmulator stripe;
    private static EmulatedAccount platform;

    @BeforeAll
    static void startEmulator() {
        stripe = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        platform = stripe.platformAccount();
    }

    @AfterAll
    static void stopEmulator() {
        stripe.close();
    }

    @Test
    void aSameSecondTieTakesTheCurrentObjectInEitherOrder() {
        stripe.serveObject(platform.id(), false, "/v1/customers", customer("cus_tie", "current@example.com"));
        byte[] first = event("evt_1_first", SECOND, customer("cus_tie", "first@example.com"));
        byte[] second = event("evt_2_second", SECOND, customer("cus_tie", "second@example.com"));

        for (List<byte[]> order : List.of(List.of(first, second), List.of(second, first))) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (EngineRun run = new EngineRun(refetcher(stripe.baseUrl(), platform.testSecretKey(), 50, meters))) {
                assertThat(run.apply(order.get(0))).isEqualTo(ApplyOutcome.APPLIED);
                assertThat(run.apply(order.get(1))).isEqualTo(ApplyOutcome.APPLIED);

                assertThat(run.find("customers", "cus_tie").getString("email")).isEqualTo("current@example.com");
                assertThat(fetched(meters, "fetched")).isEqualTo(1);
            }
        }
    }

    @Test
    void withoutRefetchModeTheEventIdDecides() {
        byte[] first = event("evt_1_first", SECOND, customer("cus_plain", "first@example.com"));
        byte[] second = event("evt_2_second", SECOND, customer("cus_plain", "second@example.com"));
        try (EngineRun run = new EngineRun()) {
            run.apply(second);
            assertThat(run.apply(first)).isEqualTo(ApplyOutcome.STALE);
            assertThat(run.find("customers", "cus_plain").getString("email")).isEqualTo("second@example.com");
        }
    }

    @Test
    void anObjectTheApiDoesNotKnowFallsBackToTheEventIdRule() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (EngineRun run = new EngineRun(refetcher(stripe.baseUrl(), platform.testSecretKey(), 50, meters))) {
            run.apply(event("evt_2_second", SECOND, customer("cus_unknown", "second@example.com")));
            assertThat(run.apply(event("evt_1_first", SECOND, customer("cus_unknown", "first@example.com"))))
                    .isEqualTo(ApplyOutcome.STALE);
            assertThat(run.find("customers", "cus_unknown").getString("email")).isEqualTo("second@example.com");
            assertThat(fetched(meters, "not_found")).isEqualTo(1);
        }
    }

    @Test
    void anExhaustedRateLimitFallsBackInsteadOfWaitingPastItsBound() {
        stripe.serveObject(platform.id(), false, "/v1/customers", customer("cus_busy", "current@example.com"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RefetchProperties onePerSecondNoWait = new RefetchProperties(
                stripe.baseUrl(), platform.testSecretKey(), "", 1, 1, Duration.ZERO, Duration.ofSeconds(2));
        try (EngineRun run = new EngineRun(new StripeApiRefetcher(onePerSecondNoWait, meters))) {
            for (int i = 0; i < 6; i++) {
                run.apply(event("evt_" + i, SECOND, customer("cus_busy", i + "@example.com")));
            }
            // five ties within a few milliseconds at one permit per second: one fetch, or two if a second began
            double fetched = fetched(meters, "fetched");
            assertThat(fetched).isBetween(1.0, 2.0);
            assertThat(fetched(meters, "rate_limited")).isEqualTo(5 - fetched);
        }
    }

    private static StripeApiRefetcher refetcher(
            String apiBase, String testKey, int perSecond, SimpleMeterRegistry meters) {
        return new StripeApiRefetcher(
                new RefetchProperties(
                        apiBase, testKey, "", perSecond, perSecond, Duration.ofMillis(200), Duration.ofSeconds(2)),
                meters);
    }

    private static double fetched(SimpleMeterRegistry meters, String outcome) {
        var counter =
                meters.find(StripeApiRefetcher.METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String customer(String id, String email) {
        return "{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"" + email + "\",\"name\":\"Ada\"}";
    }

    private static byte[] event(String id, long created, String object) {
        return ("{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"customer.updated\",\"created\":" + created
                        + ",\"livemode\":false,\"api_version\":\"2026-07-29.dahlia\",\"data\":{\"object\":" + object
                        + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
