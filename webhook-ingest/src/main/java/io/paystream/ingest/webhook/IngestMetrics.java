package io.paystream.ingest.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The ingest's own meters. Counters are cached per endpoint so the hot path does no meter lookup. */
final class IngestMetrics {

    /**
     * Endpoint tag for requests to an id that does not exist: the path is attacker-controlled, and tagging with it
     * would let anyone create unbounded time series. Valid endpoint ids cannot start with an underscore.
     */
    static final String UNKNOWN_ENDPOINT_TAG = "_unknown";

    private final MeterRegistry registry;
    private final Map<String, Counter[]> countersByEndpoint = new ConcurrentHashMap<>();
    private final Timer verification;
    private final Timer[] requestTimers;

    IngestMetrics(MeterRegistry registry, Collection<String> knownEndpoints, InFlightLimiter inFlight) {
        this.registry = registry;
        this.verification = Timer.builder("paystream.ingest.verification")
                .description("Time to check a Stripe-Signature header against the body")
                .register(registry);
        this.requestTimers = requestTimers(registry);
        Gauge.builder("paystream.ingest.inflight", inFlight, InFlightLimiter::inFlight)
                .description("Webhook requests being handled right now")
                .strongReference(true)
                .register(registry);
        knownEndpoints.forEach(this::countersFor);
    }

    void count(String endpoint, Outcome outcome) {
        countersFor(endpoint)[outcome.ordinal()].increment();
    }

    void recordVerification(long nanos) {
        verification.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Time from the request reaching the webhook filter until its response was written, by outcome. */
    void recordRequest(Outcome outcome, long nanos) {
        requestTimers[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One timer per outcome, registered up front so the hot path does no lookup. Not tagged by endpoint: latency
     * depends on the broker, not on which connection an event came through, and per-endpoint histograms would
     * multiply the buckets by the number of connected accounts.
     */
    private static Timer[] requestTimers(MeterRegistry registry) {
        Outcome[] outcomes = Outcome.values();
        Timer[] timers = new Timer[outcomes.length];
        for (Outcome outcome : outcomes) {
            timers[outcome.ordinal()] = Timer.builder("paystream.ingest.request")
                    .description(
                            "Webhook request time inside the ingest, by outcome (replaces http.server.requests for "
                                    + "the webhook path)")
                    .tag("outcome", outcome.tag())
                    .publishPercentileHistogram()
                    .register(registry);
        }
        return timers;
    }

    private Counter[] countersFor(String endpoint) {
        return countersByEndpoint.computeIfAbsent(endpoint, this::register);
    }

    private Counter[] register(String endpoint) {
        Outcome[] outcomes = Outcome.values();
        Counter[] counters = new Counter[outcomes.length];
        for (Outcome outcome : outcomes) {
            counters[outcome.ordinal()] = Counter.builder("paystream.ingest.requests")
                    .description("Webhook requests by endpoint and outcome")
                    .tag("endpoint", endpoint)
                    .tag("outcome", outcome.tag())
                    .register(registry);
        }
        return counters;
    }
}
