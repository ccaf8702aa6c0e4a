package io.paystream.emulator;

/**
 * How an emulator starts.
 *
 * @param port 0 for a free port
 * @param testRateLimit requests per second for test-mode keys, 0 = unlimited (Stripe: 25)
 * @param liveRateLimit requests per second for live-mode keys, 0 = unlimited (Stripe: 100)
 * @param apiVersion the API version it reports in objects and events
 */
public record EmulatorSettings(int port, int testRateLimit, int liveRateLimit, String apiVersion) {

    public static final String API_VERSION = "2026-07-29.dahlia";

    public static EmulatorSettings defaults() {
        return new EmulatorSettings(0, 25, 100, API_VERSION);
    }

    public EmulatorSettings withoutRateLimits() {
        return new EmulatorSettings(port, 0, 0, apiVersion);
    }

    public EmulatorSettings onPort(int newPort) {
        return new EmulatorSettings(newPort, testRateLimit, liveRateLimit, apiVersion);
    }
}
