package io.paystream.worker.refetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.worker.refetch.*}: the optional refetch mode, on for a mode when that mode's key is set.
 *
 * @param apiBase the Stripe API (the emulator in tests and the local stack)
 * @param testKey platform secret or restricted key (read access) for test-mode objects; empty = no refetch in test
 * @param liveKey the same for live mode
 * @param testRatePerSecond client-side limit for test mode, below Stripe's 25/s so syncs and refetches can share it
 * @param liveRatePerSecond client-side limit for live mode, below Stripe's 100/s
 * @param permitWait how long a tie waits for a rate-limit permit before it falls back to the event-id rule
 * @param timeout connect and read timeout of one API call
 */
@ConfigurationProperties("paystream.worker.refetch")
public record RefetchProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("") String testKey,
        @DefaultValue("") String liveKey,
        @DefaultValue("10") int testRatePerSecond,
        @DefaultValue("50") int liveRatePerSecond,
        @DefaultValue("500ms") Duration permitWait,
        @DefaultValue("2s") Duration timeout) {

    boolean enabled() {
        return !testKey.isBlank() || !liveKey.isBlank();
    }
}
