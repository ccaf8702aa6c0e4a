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

    IngestMetrics(MeterRegistry registry, Collection<String> knownEndpoints, InFlightLimiter inFlight) {
        this.registry = registry;
        this.verification = Timer.builder("paystream.ingest.verification")
                .description("Time to check a Stripe-Signature header against the body")
                .register(registry);
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
