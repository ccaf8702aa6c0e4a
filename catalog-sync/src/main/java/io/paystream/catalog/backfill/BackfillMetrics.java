package io.paystream.catalog.backfill;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The backfill's meters. Prometheus names: {@code paystream_catalog_backfill_objects_total{type, source}} (objects
 * handed on: published to {@code stripe.events}, or for products and prices written to the catalog),
 * {@code paystream_catalog_backfill_runs_total{outcome, trigger}}, {@code paystream_catalog_backfill_duration_seconds},
 * {@code paystream_catalog_backfill_running} (runs in progress on this instance). Stripe requests and 429s are
 * counted with the sync's, per mode ({@code paystream_catalog_stripe_requests_total}).
 */
@Component
class BackfillMetrics {

    static final String OBJECTS = "paystream.catalog.backfill.objects";
    static final String RUNS = "paystream.catalog.backfill.runs";
    static final String DURATION = "paystream.catalog.backfill.duration";
    static final String RUNNING = "paystream.catalog.backfill.running";

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    BackfillMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(RUNNING, running, AtomicInteger::get)
                .description("Backfills of one account and mode running on this instance")
                .register(registry);
    }

    void handedOn(BackfillType type, String source, int count) {
        Counter.builder(OBJECTS)
                .description("Objects a backfill read from Stripe and handed on (stripe.events, or the catalog)")
                .tag("type", type.value())
                .tag("source", source)
                .register(registry)
                .increment(count);
    }

    void started() {
        running.incrementAndGet();
    }

    /** Whatever happened to it, recorded or not. */
    void stopped() {
        running.decrementAndGet();
    }

    /** @param duration null for a run that never started (skipped, not accepted) */
    void finished(BackfillStatus outcome, BackfillTrigger trigger, @Nullable Duration duration) {
        Counter.builder(RUNS)
                .description("Backfill runs of one account and mode, by outcome")
                .tag("outcome", outcome.value())
                .tag("trigger", trigger.value())
                .register(registry)
                .increment();
        if (duration != null) {
            Timer.builder(DURATION)
                    .description("Duration of a backfill run of one account and mode")
                    .tag("outcome", outcome.value())
                    .register(registry)
                    .record(duration);
        }
    }

    /** Runs another instance left running, found when the next run of their target started here. */
    void abandoned(int count) {
        Counter.builder(RUNS)
                .description("Backfill runs of one account and mode, by outcome")
                .tag("outcome", BackfillStatus.ABANDONED.value())
                .tag("trigger", "unknown")
                .register(registry)
                .increment(count);
    }
}
