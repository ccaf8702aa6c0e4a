package io.paystream.localstack;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's own test mode, or any Stripe-compatible API, instead of the emulator: {@code up --stripe-api-base URL
 * --stripe-key sk_test_... [--public-url URL]}. catalog-sync then reaches that API with the platform's key; the
 * emulator and its demo shop are not started. Connections, syncs and backfills work unchanged against it.
 *
 * @param apiBase e.g. {@code https://api.stripe.com}
 * @param testKey the platform's {@code sk_test_} or {@code rk_test_} key: test mode only, a local stack never holds a
 *     live key
 * @param publicUrl where Stripe can reach this machine's webhook-ingest (a tunnel), used for the webhook endpoints
 *     catalog-sync creates on connected accounts; empty: the ingest's local address, which only {@code stripe listen}
 *     or a local API can reach
 */
record ExternalStripe(String apiBase, String testKey, Optional<String> publicUrl) {

    static Optional<ExternalStripe> from(Flags flags, Map<String, String> env) {
        Optional<String> apiBase = flags.value("stripe-api-base", "PAYSTREAM_STRIPE_API_BASE", env);
        Optional<String> key = flags.value("stripe-key", "PAYSTREAM_STRIPE_TEST_KEY", env);
        Optional<String> publicUrl = flags.value("public-url", "PAYSTREAM_PUBLIC_URL", env);
        if (apiBase.isEmpty() && key.isEmpty()) {
            if (publicUrl.isPresent()) {
                throw new UsageException("--public-url needs --stripe-api-base and --stripe-key");
            }
            return Optional.empty();
        }
        if (apiBase.isEmpty() || key.isEmpty()) {
            throw new UsageException("--stripe-api-base and --stripe-key go together");
        }
        if (!key.get().startsWith("sk_test_") && !key.get().startsWith("rk_test_")) {
            // the key is never echoed, not even its prefix beyond the mode
            throw new UsageException(
                    "--stripe-key must be a test-mode secret or restricted key (sk_test_ or rk_test_)");
        }
        return Optional.of(new ExternalStripe(
                httpUrl(apiBase.get(), "--stripe-api-base"),
                key.get(),
                publicUrl.map(url -> httpUrl(url, "--public-url"))));
    }

    private static String httpUrl(String value, String flag) {
        try {
            URI uri = URI.create(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                String text = uri.toString();
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below, without the value
        }
        throw new UsageException(flag + " must be an http(s) URL");
    }

    /** The key as logs may show it: mode prefix and last four characters. */
    String maskedKey() {
        return testKey.substring(0, 8) + "..." + testKey.substring(testKey.length() - 4);
    }
}
