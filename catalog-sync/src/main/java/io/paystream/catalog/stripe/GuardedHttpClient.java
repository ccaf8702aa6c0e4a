package io.paystream.catalog.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.paystream.catalog.metrics.CatalogMetrics;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's transport with this service's guards around each attempt: the mode's client-side rate limiter, the
 * mode's retry policy ({@link RetryGuidance}), the request metric ({@link CatalogMetrics#stripeRequest}, here so that
 * every client records it the same way) and a listener that sees every attempt. Guarding here rather than around
 * a list call lets stripe-java's auto-paging fetch pages lazily while each page fetch is still limited and retried.
 * stripe-java's own network retries are switched off, so every attempt is made, and counted, exactly once.
 */
final class GuardedHttpClient extends HttpClient {

    private final HttpClient transport;
    private final @Nullable RateLimiter rateLimiter;
    private final Retry retry;
    private final CatalogMetrics metrics;
    private final String mode;
    private final StripeCallListener listener;

    /**
     * @param rateLimiter null when the mode has no client-side limit
     * @param mode {@code live} or {@code test}, the metric's tag
     */
    GuardedHttpClient(
            HttpClient transport,
            @Nullable RateLimiter rateLimiter,
            Retry retry,
            CatalogMetrics metrics,
            String mode,
            StripeCallListener listener) {
        this.transport = transport;
        this.rateLimiter = rateLimiter;
        this.retry = retry;
        this.metrics = metrics;
        this.mode = mode;
        this.listener = listener;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws StripeException {
        try {
            return retry.executeCheckedSupplier(() -> attempt(request));
        } catch (StripeException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ApiConnectionException("Stripe request failed: " + e, e);
        }
    }

    private StripeResponse attempt(StripeRequest request) throws StripeException {
        if (rateLimiter != null) {
            try {
                RateLimiter.waitForPermission(rateLimiter);
            } catch (RequestNotPermitted e) {
                throw new ApiConnectionException("no permit from the client-side rate limiter " + rateLimiter.getName()
                        + " in time; is the limit far below the load?");
            }
        }
        try {
            StripeResponse response = transport.request(request);
            metrics.stripeRequest(mode, Integer.toString(response.code()));
            listener.answered(response.code());
            return response;
        } catch (ApiConnectionException e) {
            metrics.stripeRequest(mode, "io_error");
            listener.unanswered();
            throw e;
        }
    }
}
