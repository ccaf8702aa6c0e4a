package io.paystream.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The sweeper's backlog as a Micrometer gauge under a name the service chooses, so the names ops already watch stay:
 * {@code paystream.worker.outbox.backlog} (entries) and {@code paystream.catalog.connection.outbox.backlog}
 * (documents), exported as {@code paystream_worker_outbox_backlog} and
 * {@code paystream_catalog_connection_outbox_backlog}.
 */
public final class OutboxBacklogGauge implements Consumer<OutboxBacklog> {

    private final AtomicLong value = new AtomicLong();
    private final ToLongFunction<OutboxBacklog> count;

    private OutboxBacklogGauge(
            MeterRegistry registry, String name, String description, ToLongFunction<OutboxBacklog> count) {
        this.count = count;
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
    }

    /** Counts entries left behind. */
    public static OutboxBacklogGauge entries(MeterRegistry registry, String name, String description) {
        return new OutboxBacklogGauge(registry, name, description, OutboxBacklog::entries);
    }

    /** Counts documents holding entries left behind. */
    public static OutboxBacklogGauge documents(MeterRegistry registry, String name, String description) {
        return new OutboxBacklogGauge(registry, name, description, OutboxBacklog::documents);
    }

    @Override
    public void accept(OutboxBacklog backlog) {
        value.set(count.applyAsLong(backlog));
    }

    /** The value the gauge shows now. */
    public long value() {
        return value.get();
    }
}
