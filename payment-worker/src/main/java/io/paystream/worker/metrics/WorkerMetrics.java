package io.paystream.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The worker's own meters, in one place because the ingest, apply, outbox and dead-letter features all report into
 * them. Consumer lag comes from spring-kafka's Kafka client metrics, not from here.
 */
public class WorkerMetrics {

    public static final String EVENTS = "paystream.worker.events";
    /** Reconciled events applied for the first time: what the webhooks missed (issue 12). */
    public static final String RECOVERED = "paystream.worker.recovered";

    public static final String PROCESSING = "paystream.worker.processing";
    public static final String FRESHNESS = "paystream.worker.freshness";
    public static final String PIPELINE_LATENCY = "paystream.worker.pipeline.latency";
    /** The end-to-end objective (issue 3): ingest receipt to state written within 200 ms. */
    public static final Duration PIPELINE_OBJECTIVE = Duration.ofMillis(200);

    /** Registered by the outbox sweeper's backlog gauge (service-support), under the name ops already watch. */
    public static final String OUTBOX_BACKLOG = "paystream.worker.outbox.backlog";

    /** Registered with the outbox's background relay: batches whose domain events wait for its thread. */
    public static final String OUTBOX_RELAY_WAITING = "paystream.worker.outbox.relay.waiting";

    public static final String DEAD_LETTERS = "paystream.worker.dead_letters";

    /**
     * Failed deliveries of a record, by failure class: {@code transient} (MongoDB or Kafka away: retried until it is
     * back), {@code poison} (dead-lettered at once) and {@code other} (retried a few times, then dead-lettered). A
     * climbing transient count with nothing applied is the worker waiting for its store.
     */
    public static final String DELIVERY_FAILURES = "paystream.worker.delivery.failures";

    private final MeterRegistry registry;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> recovered = new ConcurrentHashMap<>();
    private final Timer processing;
    private final Timer freshness;
    private final Timer pipelineLatency;
    private final Counter deadLetters;
    private final Map<String, Counter> deliveryFailures = new ConcurrentHashMap<>();

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processing = Timer.builder(PROCESSING)
                .description("Time to apply one Stripe event to MongoDB")
                .publishPercentileHistogram()
                .register(registry);
        this.freshness = Timer.builder(FRESHNESS)
                .description("Now minus the Stripe event's created time, when applied")
                .publishPercentileHistogram()
                .register(registry);
        // Unlike freshness (Stripe's created time, whole seconds, and late by however long Stripe took to deliver),
        // this is Paystream's own delay: ingest receipt to the state being written (two hosts' clocks, NTP-close).
        // The 200 ms objective gets a bucket of its own (le="0.2"), so the share of events within it is exact rather
        // than read off the nearest percentile bucket (179 or 201 ms): that is what an end-to-end SLO alert divides.
        this.pipelineLatency = Timer.builder(PIPELINE_LATENCY)
                .description("Time from webhook-ingest receiving an event to its state being written to MongoDB")
                .publishPercentileHistogram()
                .serviceLevelObjectives(PIPELINE_OBJECTIVE)
                .register(registry);
        this.deadLetters = Counter.builder(DEAD_LETTERS)
                .description("Records published to the dead-letter topic")
                .register(registry);
    }

    /**
     * Counts one record by its Stripe type ({@code <object>.fetched} for a fetched object), its outcome (applied,
     * duplicate, stale, ignored, dead_lettered) and its source (webhook, reconciliation, backfill, thin_event; unknown
     * for a dead letter whose source header is unreadable).
     */
    public void event(String type, String outcome, String source) {
        events.computeIfAbsent(type + '|' + outcome + '|' + source, key -> Counter.builder(EVENTS)
                        .tag("type", type)
                        .tag("outcome", outcome)
                        .tag("source", source)
                        .register(registry))
                .increment();
    }

    /** Counts a reconciled event applied for the first time, by its Stripe type. */
    public void recovered(String type) {
        increment(
                recovered,
                RECOVERED,
                "Reconciled Stripe events applied for the first time: what the webhooks missed",
                "type",
                type);
    }

    public void processing(long nanos) {
        processing.record(Duration.ofNanos(nanos));
    }

    public void freshness(Duration age) {
        freshness.record(age.isNegative() ? Duration.ZERO : age);
    }

    public void pipelineLatency(Duration latency) {
        pipelineLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void deadLettered(@Nullable String type, String source) {
        deadLetters.increment();
        event(type == null ? "unknown" : type, "dead_lettered", source);
    }

    /** Counts one failed delivery of a record; {@code failure} is its class: transient, poison or other. */
    public void deliveryFailed(String failure) {
        increment(
                deliveryFailures,
                DELIVERY_FAILURES,
                "Failed deliveries of Stripe events, by failure class",
                "failure",
                failure);
    }

    /** Increments the counter {@code name} of one tag's value, registered on first use and then kept in {@code by}. */
    private void increment(Map<String, Counter> by, String name, String description, String tag, String value) {
        by.computeIfAbsent(value, key -> Counter.builder(name)
                        .description(description)
                        .tag(tag, value)
                        .register(registry))
                .increment();
    }
}
