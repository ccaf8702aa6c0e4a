package io.paystream.catalog.event;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.catalog.metrics.CatalogMeters;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The event path as the application wires it (listener, applier, writer, validation, meters), built by hand on a
 * database of the test's choosing, so a test hands the listener a polled batch directly: no broker, no context.
 */
final class EventPath {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final CatalogEventListener listener;
    private long offset;

    EventPath(MongoDatabase database, Clock clock) {
        CatalogStore.createIndexes(database);
        CatalogMetrics metrics = CatalogMeters.on(registry, clock);
        SkippedEvents skipped = new SkippedEvents(metrics);
        CatalogEventApplier applier = new CatalogEventApplier(
                CatalogStore.writer(database, clock), CatalogStore.validation(database), metrics, skipped, clock);
        this.listener = new CatalogEventListener(applier, skipped);
    }

    /** The records as one polled batch, at increasing offsets of partition 0. */
    List<ConsumerRecord<String, byte[]>> batch(List<ProducerRecord<String, byte[]>> sent) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(sent.size());
        for (ProducerRecord<String, byte[]> record : sent) {
            ConsumerRecord<String, byte[]> received =
                    new ConsumerRecord<>(record.topic(), 0, offset++, record.key(), record.value());
            record.headers().forEach(header -> received.headers().add(header));
            records.add(received);
        }
        return records;
    }

    /** Hands the records to the listener as one polled batch. */
    @SafeVarargs
    final void deliver(ProducerRecord<String, byte[]>... sent) {
        listener.onEvents(batch(List.of(sent)));
    }

    /** {@code paystream_catalog_events_total} of a type and outcome so far. */
    double events(String type, String outcome) {
        Counter counter = registry.find(CatalogMetrics.EVENTS)
                .tag("type", type)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** {@code paystream_catalog_objects_total} of events of a kind and action so far. */
    double objects(String kind, String action) {
        Counter counter = registry.find(CatalogMetrics.OBJECTS)
                .tag("kind", kind)
                .tag("action", action)
                .tag("source", "event")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    Timer pipelineLatency() {
        return registry.get(CatalogMetrics.PIPELINE_LATENCY).timer();
    }
}
