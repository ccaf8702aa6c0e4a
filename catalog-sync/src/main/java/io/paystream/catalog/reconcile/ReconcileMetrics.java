package io.paystream.catalog.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.sync.SyncTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Prometheus: {@code paystream_catalog_reconcile_cursor_age_seconds{account,mode}} (how far behind now each target's
 * cursor is, as of its last pass on this instance; the alert fires well before Stripe's 30 days),
 * {@code paystream_catalog_reconcile_events_total{mode}} (events published),
 * {@code paystream_catalog_reconcile_passes_total{outcome}} and {@code paystream_catalog_reconcile_gaps_total{mode}}.
 */
@Component
class ReconcileMetrics {

    static final String CURSOR_AGE = "paystream.catalog.reconcile.cursor.age";
    static final String EVENTS = "paystream.catalog.reconcile.events";
    static final String PASSES = "paystream.catalog.reconcile.passes";
    static final String GAPS = "paystream.catalog.reconcile.gaps";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> cursors = new ConcurrentHashMap<>();

    ReconcileMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The target's cursor now stands at {@code created}; its gauge is registered on first sight. */
    void cursor(SyncTarget target, Instant created) {
        if (cursors.put(target.key(), created) == null) {
            Gauge.builder(CURSOR_AGE, () -> {
                        Instant at = cursors.get(target.key());
                        return at == null
                                ? 0
                                : Math.max(
                                        0, Duration.between(at, clock.instant()).toSeconds());
                    })
                    .description("Age of the target's reconciliation cursor: the newest event it has read")
                    .baseUnit("seconds")
                    .tags("account", target.account(), "mode", mode(target))
                    .register(registry);
        }
    }

    void published(SyncTarget target, int events) {
        Counter.builder(EVENTS)
                .description("Events read from Stripe's Events API and published to stripe.events")
                .tags("mode", mode(target))
                .register(registry)
                .increment(events);
    }

    void pass(String outcome) {
        Counter.builder(PASSES)
                .description("Reconciliation passes of one target, by outcome")
                .tags("outcome", outcome)
                .register(registry)
                .increment();
    }

    void gap(SyncTarget target) {
        Counter.builder(GAPS)
                .description("Targets whose cursor was older than Stripe's event retention: a backfill was queued")
                .tags("mode", mode(target))
                .register(registry)
                .increment();
    }

    private static String mode(SyncTarget target) {
        return target.livemode() ? "live" : "test";
    }
}
