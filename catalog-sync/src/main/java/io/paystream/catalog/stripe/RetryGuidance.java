package io.paystream.catalog.stripe;

import com.stripe.net.StripeResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What Stripe says about retrying a response. {@code Stripe-Should-Retry} decides when present (Stripe sets it when it
 * knows, e.g. lock timeouts); otherwise 429, 409 and 5xx are retried, as stripe-java does, plus 429 which stripe-java
 * leaves to the caller. {@code Retry-After} (seconds), when sent, is the wait to honour.
 */
final class RetryGuidance {

    static final String SHOULD_RETRY = "Stripe-Should-Retry";
    static final String RETRY_AFTER = "Retry-After";

    private RetryGuidance() {}

    static boolean shouldRetry(StripeResponse response) {
        if (response.code() >= 200 && response.code() < 300) {
            return false;
        }
        Optional<String> advice = response.headers().firstValue(SHOULD_RETRY);
        if (advice.isPresent()) {
            return Boolean.parseBoolean(advice.get());
        }
        return response.code() == 429 || response.code() == 409 || response.code() >= 500;
    }

    /** The wait Stripe asked for, when it asked in a form this client understands. */
    static Optional<Duration> retryAfter(StripeResponse response) {
        return response.headers().firstValue(RETRY_AFTER).flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException httpDate) {
                return Optional.empty(); // an HTTP date: fall back to our own backoff
            }
        });
    }
}
