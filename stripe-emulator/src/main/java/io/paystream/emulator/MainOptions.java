package io.paystream.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The command line of {@link StripeEmulatorMain}: {@code --name=value} flags with the local stack's defaults. */
record MainOptions(
        String host,
        int port,
        int seedProducts,
        int pricesPerProduct,
        @Nullable String webhookUrl,
        @Nullable String webhookSecret,
        int testRateLimit,
        int liveRateLimit) {

    static final String USAGE = "Usage: java -jar stripe-emulator-exec.jar [--port=12111] [--host=127.0.0.1]"
            + " [--seed-products=N] [--prices-per-product=M] [--webhook-url=URL --webhook-secret=whsec_...]"
            + " [--test-rate-limit=25] [--live-rate-limit=100]";

    private static final Set<String> FLAGS = Set.of(
            "host",
            "port",
            "seed-products",
            "prices-per-product",
            "webhook-url",
            "webhook-secret",
            "test-rate-limit",
            "live-rate-limit");

    static MainOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !FLAGS.contains(arg.substring(2, equals))) {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        MainOptions options = new MainOptions(
                values.getOrDefault("host", "127.0.0.1"),
                number(values, "port", 12111),
                number(values, "seed-products", 0),
                number(values, "prices-per-product", 1),
                blankToNull(values.get("webhook-url")),
                blankToNull(values.get("webhook-secret")),
                number(values, "test-rate-limit", EmulatorSettings.defaults().testRateLimit()),
                number(values, "live-rate-limit", EmulatorSettings.defaults().liveRateLimit()));
        if ((options.webhookUrl == null) != (options.webhookSecret == null)) {
            throw new IllegalArgumentException("--webhook-url and --webhook-secret go together");
        }
        if (options.webhookSecret != null && !options.webhookSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("--webhook-secret must start with whsec_");
        }
        return options;
    }

    EmulatorSettings settings() {
        return new EmulatorSettings(port, testRateLimit, liveRateLimit, EmulatorSettings.API_VERSION);
    }

    private static int number(Map<String, String> values, String flag, int fallback) {
        String value = values.get(flag);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new IllegalArgumentException("--" + flag + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a number, got " + value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
