package io.paystream.catalog.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.support.outbox.OutboxBacklog;
import io.paystream.support.outbox.OutboxBacklogGauge;
import io.paystream.support.problem.ProblemType;
import java.util.function.Consumer;

/** What ops watch about connections, exposed as {@code paystream_catalog_connection*} at /actuator/prometheus. */
public class ConnectionMetrics {

    private final MeterRegistry registry;
    private final OutboxBacklogGauge outboxBacklog;

    ConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.outboxBacklog = OutboxBacklogGauge.documents(
                registry,
                "paystream.catalog.connection.outbox.backlog",
                "connections holding outbox entries the last sweeper pass left unpublished");
    }

    public void created(ConnectionKind kind, Mode mode) {
        registry.counter("paystream.catalog.connections.created", "kind", kind.value(), "mode", mode.value())
                .increment();
    }

    /** Requests refused, by problem code: a spike of one code says what customers trip over. */
    public void rejected(ProblemType problem) {
        registry.counter("paystream.catalog.connection.rejections", "problem", problem.code())
                .increment();
    }

    public void statusChanged(ConnectionStatus status) {
        registry.counter("paystream.catalog.connection.status.changes", "status", status.value())
                .increment();
    }

    /**
     * Undoing a half-made connection: {@code failed} means a webhook endpoint may be left on the customer's Stripe
     * account (it points at an unknown endpoint id, so webhook-ingest answers 404 and Stripe disables it).
     */
    public void compensation(boolean succeeded) {
        Counter.builder("paystream.catalog.connection.compensations")
                .tag("outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .increment();
    }

    public void accountEvent(String outcome) {
        registry.counter("paystream.catalog.connection.account.events", "outcome", outcome)
                .increment();
    }

    public void reEncrypted(int connections) {
        registry.counter("paystream.catalog.connection.secrets.reencrypted").increment(connections);
    }

    /** What the outbox sweeper reports after each pass: the connections it left entries in. */
    public Consumer<OutboxBacklog> outboxBacklog() {
        return outboxBacklog;
    }
}
