package io.paystream.catalog.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The catalog sync's meters, in one place because runs, the Stripe client and the event listener all report into them.
 * Prometheus names: {@code paystream_catalog_sync_runs_total}, {@code paystream_catalog_sync_duration_seconds},
 * {@code paystream_catalog_objects_total}, {@code paystream_catalog_stripe_requests_total},
 * {@code paystream_catalog_stripe_rate_limited_total}, {@code paystream_catalog_sync_since_last_success_seconds},
 * {@code paystream_catalog_events_total}, {@code paystream_catalog_pipeline_latency_seconds}.
 */
@Component
public class CatalogMetrics {

    public static final String RUNS = "paystream.catalog.sync.runs";
    public static final String DURATION = "paystream.catalog.sync.duration";
    public static final String OBJECTS = "paystream.catalog.objects";
    public static final String STRIPE_REQUESTS = "paystream.catalog.stripe.requests";
    public static final String RATE_LIMITED = "paystream.catalog.stripe.rate_limited";
    public static final String SINCE_LAST_SUCCESS = "paystream.catalog.sync.since_last_success";
    public static final String EVENTS = "paystream.catalog.events";
    public static final String PIPELINE_LATENCY = "paystream.catalog.pipeline.latency";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Timer pipelineLatency;

    CatalogMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.instant();
        // payment-worker's paystream.worker.pipeline.latency for the catalog: webhook-ingest's receipt (its header) to
        // the catalog state written, sellable verdict included. Registered at start, so a benchmark finds it at zero.
        this.pipelineLatency = Timer.builder(PIPELINE_LATENCY)
                .description("Time from webhook-ingest receiving a product or price event to the catalog state written")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * A finished target run: its outcome (succeeded, partial, failed, skipped), trigger and duration (null for a run
     * that never started: skipped, or not accepted).
     */
    public void run(String outcome, String trigger, @Nullable Duration duration) {
        counter(RUNS, "Catalog sync runs of one account and mode, by outcome", "outcome", outcome, "trigger", trigger)
                .increment();
        if (duration != null) {
            Timer.builder(DURATION)
                    .description("Duration of a catalog sync run of one account and mode")
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(duration);
        }
    }

    /**
     * Products or prices written, archived, found invalid or skipped as stale.
     *
     * @param kind product or price
     * @param action upserted, archived, invalid or stale
     * @param source sync or event
     */
    public void objects(String kind, String action, String source, long count) {
        if (count > 0) {
            counter(
                            OBJECTS,
                            "Catalog objects by what was done to them",
                            "kind",
                            kind,
                            "action",
                            action,
                            "source",
                            source)
                    .increment(count);
        }
    }

    /** One HTTP attempt to Stripe; {@code status} is the code or {@code io_error} when no answer came. */
    public void stripeRequest(String mode, String status) {
        counter(STRIPE_REQUESTS, "Stripe API requests, retries included, by status", "mode", mode, "status", status)
                .increment();
        if ("429".equals(status)) {
            counter(RATE_LIMITED, "Stripe API requests answered 429 (rate limited)", "mode", mode)
                    .increment();
        }
    }

    /** A product or price event from Kafka: applied, stale, ignored or failed. */
    public void event(String type, String outcome) {
        counter(EVENTS, "Product and price events by outcome", "type", type, "outcome", outcome)
                .increment();
    }

    /** An applied event's delay from ingest receipt to its state written (two hosts' clocks: never below zero). */
    public void pipelineLatency(Duration latency) {
        pipelineLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /**
     * Records a success of an account and mode, here or (read back from MongoDB) on another instance. The gauge for a
     * target counts from this instance's start until its first known success, so a target that never succeeds still
     * alerts.
     */
    public void succeeded(String account, String mode, Instant at) {
        String key = account + ':' + mode;
        Instant known = lastSuccess.get(key);
        if (known == null || at.isAfter(known)) {
            lastSuccess.put(key, at);
        }
        watch(account, mode);
    }

    /** Starts reporting the time since the last success of a target (idempotent). */
    public void watch(String account, String mode) {
        String key = account + ':' + mode;
        if (!watched.add(key)) {
            return;
        }
        Gauge.builder(SINCE_LAST_SUCCESS, () -> secondsSinceSuccess(key))
                .description("Seconds since the last successful full sync of an account and mode (alert on this)")
                .baseUnit("seconds")
                .tag("account", account)
                .tag("mode", mode)
                .register(registry);
    }

    private double secondsSinceSuccess(String key) {
        Instant since = lastSuccess.getOrDefault(key, startedAt);
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(
                name + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
