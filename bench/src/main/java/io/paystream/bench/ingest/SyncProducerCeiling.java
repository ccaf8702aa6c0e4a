package io.paystream.bench.ingest;

import io.paystream.bench.support.LoadResult;
import io.paystream.bench.support.SignedEvents.SignedEvent;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker on this machine allows when every record waits for its own acknowledgement, as a webhook must
 * before its 200: one idempotent acks=all producer shared by as many threads as the load generator has connections,
 * no HTTP. The gap between this and the ingest is the ingest's own cost; the gap between this and the bare endpoint is
 * the price of durability on shared cores.
 */
final class SyncProducerCeiling {

    private SyncProducerCeiling() {}

    static LoadResult run(String bootstrapServers, List<SignedEvent> events, int threads, int seconds)
            throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i += threads) {
                        SignedEvent event = events.get(i % events.size());
                        producer.send(new ProducerRecord<>(
                                        Topics.STRIPE_EVENTS,
                                        event.objectId(),
                                        event.body().getBytes(StandardCharsets.UTF_8)))
                                .get();
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            double took = (System.nanoTime() - start) / 1e9;
            return new LoadResult(
                    "raw producer, " + threads + " threads each awaiting its ack (no HTTP)",
                    acknowledged.get(),
                    acknowledged.get(),
                    0,
                    0,
                    took,
                    0,
                    0);
        }
    }
}
