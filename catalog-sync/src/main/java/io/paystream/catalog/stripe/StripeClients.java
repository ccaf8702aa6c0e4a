package io.paystream.catalog.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.StripeResponse;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.metrics.CatalogMetrics;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the stripe-java client for one account ({@link StripeAccess}, a sync target): the configured API base and
 * timeouts, the account's key and {@code Stripe-Account} header, and per mode one shared rate limiter
 * ({@code stripe-test}, {@code stripe-live}) and one retry policy, both registered with resilience4j so its meters
 * report them.
 */
@Component
public class StripeClients {

    /** Waiting longer than this for a permit means the limiter is starved; the request then fails. */
    private static final Duration PERMIT_TIMEOUT = Duration.ofMinutes(1);

    private final StripeApiProperties api;
    /** Null when the mode's limit is 0 (switched off). */
    private final @Nullable RateLimiter testLimiter;

    private final @Nullable RateLimiter liveLimiter;
    private final CatalogMetrics metrics;

    /** One transport, so its connections are kept alive across every account's requests. */
    private final JdkStripeTransport transport;

    private final Retry testRetry;
    private final Retry liveRetry;

    StripeClients(
            StripeApiProperties api,
            CatalogProperties catalog,
            CatalogMetrics metrics,
            RateLimiterRegistry rateLimiters,
            RetryRegistry retries) {
        this.api = api;
        this.metrics = metrics;
        this.transport = new JdkStripeTransport(api.connectTimeout());
        this.testLimiter =
                limiter(rateLimiters, "stripe-test", catalog.rateLimit().test());
        this.liveLimiter =
                limiter(rateLimiters, "stripe-live", catalog.rateLimit().live());
        RetryConfig retryConfig = retryConfig(catalog.retry());
        this.testRetry = retries.retry("stripe-test", retryConfig);
        this.liveRetry = retries.retry("stripe-live", retryConfig);
    }

    /** A client for one account; every HTTP attempt is counted in the request metric. */
    public StripeClient forTarget(StripeAccess target) {
        return forTarget(target, StripeCallListener.NONE);
    }

    /** A client for one account whose every HTTP attempt is also reported to {@code listener}. */
    public StripeClient forTarget(StripeAccess target, StripeCallListener listener) {
        boolean live = target.livemode();
        return StripeClient.builder()
                .setApiKey(target.apiKey())
                .setStripeAccount(target.stripeAccountHeader())
                .setApiBase(api.apiBase())
                .setConnectTimeout(Math.toIntExact(api.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(api.readTimeout().toMillis()))
                .setMaxNetworkRetries(0)
                .setHttpClient(new GuardedHttpClient(
                        transport,
                        live ? liveLimiter : testLimiter,
                        live ? liveRetry : testRetry,
                        metrics,
                        live ? "live" : "test",
                        listener))
                .build();
    }

    private static @Nullable RateLimiter limiter(RateLimiterRegistry registry, String name, int perSecond) {
        if (perSecond == 0) {
            return null;
        }
        return registry.rateLimiter(
                name,
                RateLimiterConfig.custom()
                        .limitForPeriod(perSecond)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(PERMIT_TIMEOUT)
                        .build());
    }

    private static RetryConfig retryConfig(CatalogProperties.Retry retry) {
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), 2.0, 0.5, retry.maxBackoff());
        long maxMillis = retry.maxBackoff().toMillis();
        IntervalBiFunction<StripeResponse> interval = (attempt, outcome) -> {
            if (outcome.isRight()) {
                var asked = RetryGuidance.retryAfter(outcome.get());
                if (asked.isPresent()) {
                    return Math.min(asked.get().toMillis(), maxMillis);
                }
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.<StripeResponse>custom()
                .maxAttempts(retry.maxAttempts())
                .retryOnResult(RetryGuidance::shouldRetry)
                .retryOnException(ApiConnectionException.class::isInstance)
                .intervalBiFunction(interval)
                .build();
    }
}
