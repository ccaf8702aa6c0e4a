package io.paystream.worker.refetch;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.net.StripeResponse;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.worker.apply.ObjectRefetcher;
import io.paystream.worker.apply.StripeEvent;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an object's current state from the Stripe API with the platform's key, per mode, through a client-side rate
 * limiter (resilience4j) set below Stripe's limits. A Connect account's object is read with the
 * {@code Stripe-Account} header. Every failure falls back to the event-id tie-break and is counted, never thrown: a
 * refetch can improve a tie, it must not stall the stream.
 */
final class StripeApiRefetcher implements ObjectRefetcher {

    static final String METRIC = "paystream.worker.refetch";
    private static final Logger log = LoggerFactory.getLogger(StripeApiRefetcher.class);

    private final @Nullable Mode test;
    private final @Nullable Mode live;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeApiRefetcher(RefetchProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.test =
                Mode.of("test", properties.apiBase(), properties.testKey(), properties.testRatePerSecond(), properties);
        this.live =
                Mode.of("live", properties.apiBase(), properties.liveKey(), properties.liveRatePerSecond(), properties);
    }

    @Override
    public Optional<JsonNode> current(StripeEvent event) {
        Optional<String> path = StripeObjectPaths.of(event.objectType(), event.objectId());
        Mode mode = event.livemode() ? live : test;
        if (path.isEmpty() || mode == null) {
            return count(event, "not_refetchable", Optional.empty());
        }
        if (!mode.limiter().acquirePermission()) {
            return count(event, "rate_limited", Optional.empty());
        }
        RawRequestOptions.RawRequestOptionsBuilder options = RawRequestOptions.builder();
        if (!StripeEvent.PLATFORM.equals(event.account()) && !"account".equals(event.objectType())) {
            options.setStripeAccount(event.account());
        }
        try {
            StripeResponse response =
                    mode.client().rawRequest(ApiResource.RequestMethod.GET, path.get(), null, options.build());
            JsonNode object = json.readTree(response.body());
            if (!event.objectType().equals(object.path("object").asString(null))) {
                return count(event, "failed", Optional.empty());
            }
            return count(event, "fetched", Optional.of(object));
        } catch (RateLimitException e) {
            return count(event, "rate_limited", Optional.empty());
        } catch (InvalidRequestException e) {
            // 404: the object is gone or belongs to an account the platform key cannot read (keys connection)
            return count(event, "not_found", Optional.empty());
        } catch (StripeException | JacksonException e) {
            log.warn(
                    "Refetch of a {} failed ({}); falling back to the event-id rule",
                    event.objectType(),
                    e.getClass().getSimpleName());
            return count(event, "failed", Optional.empty());
        }
    }

    private Optional<JsonNode> count(StripeEvent event, String outcome, Optional<JsonNode> result) {
        Counter.builder(METRIC)
                .description("Same-second ties sent to the Stripe API for the current object, by outcome")
                .tag("object", event.objectType())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        return result;
    }

    /** One mode's client and limiter; null when the mode has no key. */
    private record Mode(StripeClient client, RateLimiter limiter) {

        static @Nullable Mode of(
                String name, String apiBase, @Nullable String key, int perSecond, RefetchProperties properties) {
            if (key == null || key.isBlank()) {
                return null;
            }
            StripeClient client = StripeClient.builder()
                    .setApiKey(key)
                    .setApiBase(apiBase)
                    .setMaxNetworkRetries(1)
                    .setConnectTimeout((int) properties.timeout().toMillis())
                    .setReadTimeout((int) properties.timeout().toMillis())
                    .build();
            RateLimiter limiter = RateLimiter.of(
                    "stripe-refetch-" + name,
                    RateLimiterConfig.custom()
                            .limitForPeriod(perSecond)
                            .limitRefreshPeriod(Duration.ofSeconds(1))
                            .timeoutDuration(properties.permitWait())
                            .build());
            return new Mode(client, limiter);
        }
    }
}
