package io.paystream.bench.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.HeapSampler;
import io.paystream.bench.support.MongoServerProcess;
import io.paystream.bench.support.PrometheusHistogram;
import io.paystream.bench.support.ServiceJars;
import io.paystream.bench.support.SignedEvents;
import io.paystream.bench.support.TopicCount;
import io.paystream.bench.worker.LifecycleMix.MixRecord;
import io.paystream.events.Topics;
import io.paystream.testsupport.KafkaBrokerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The payment-worker benchmark (issue 3), three phases in one run on one machine:
 *
 * <ol>
 *   <li>raw driver rate: the mix's objects upserted straight into the embedded MongoDB server;
 *   <li>applied rate: the same mix pre-loaded on {@code stripe.events}, drained by the packaged worker (heap capped at
 *       384 MB) through the real broker into the same MongoDB server, timed from 10% to 100% committed;
 *   <li>end-to-end latency: webhook-ingest and the worker running, signed events sent at a fixed rate, from the
 *       ingest's 200 to the state being readable.
 * </ol>
 *
 * <p>System properties: {@code bench.events} (mix size, default 100000), {@code bench.rate} (latency phase, 1000/s),
 * {@code bench.seconds} (latency phase, 20).
 */
public final class WorkerBenchmark {

    private static final String SECRET = "whsec_paystream_bench_secret";
    private static final int WORKER_PORT = 18081;
    private static final int INGEST_PORT = 18080;

    /** The worker's own measure of what the end-to-end phase measures from outside (WorkerMetrics). */
    private static final String PIPELINE_LATENCY = "paystream_worker_pipeline_latency_seconds";

    private WorkerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int eventCount = Integer.getInteger("bench.events", 100_000);
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        Path workerJar = ServiceJars.of(repo, "payment-worker");
        Path ingestJar = ServiceJars.of(repo, "webhook-ingest");
        Path work = Files.createTempDirectory("paystream-bench-worker");

        List<MixRecord> mix = LifecycleMix.build(eventCount);
        double meanKb = mix.stream().mapToInt(r -> r.body().length).average().orElse(0) / 1024;
        StringBuilder report = new StringBuilder("### payment-worker, " + Instant.now() + "\n");
        report.append("%,d events from %d lifecycle fixtures (mean %.1f KB), 3 partitions; %d cores, Java %s%n%n"
                .formatted(
                        mix.size(),
                        io.paystream.testsupport.StripeFixtures.lifecycleNames().size(),
                        meanKb,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));

        try (MongoServerProcess mongo = MongoServerProcess.start(work.resolve("mongo.log"), "2g");
                MongoClient client = MongoClients.create(mongo.connectionString("paystream"));
                KafkaBrokerProcess broker = KafkaBrokerProcess.start(
                        work.resolve("kafka"),
                        io.paystream.testsupport.FreePorts.next(),
                        io.paystream.testsupport.FreePorts.next(),
                        System.getProperty("java.class.path"),
                        "1g",
                        KafkaBrokerProcess.THROUGHPUT)) {
            TopicCount.create(broker.bootstrapServers(), Topics.STRIPE_EVENTS, 3);
            TopicCount.create(broker.bootstrapServers(), Topics.PAYMENTS_EVENTS, 3);

            double raw = RawDriverBaseline.run(client, mix, 3);
            double rawBulk = RawDriverBaseline.run(client, mix, 3, 500);
            preload(broker.bootstrapServers(), mix);

            Map<String, String> env = Map.of(
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                    broker.bootstrapServers(),
                    "SPRING_MONGODB_URI",
                    mongo.connectionString("paystream"),
                    "STRIPE_WEBHOOK_SECRET",
                    SECRET,
                    "LOGGING_LEVEL_ROOT",
                    "WARN");
            try (ChildProcess worker = ChildProcess.start(
                            "payment-worker",
                            List.of("-Xmx384m", "-jar", workerJar.toString(), "--server.port=" + WORKER_PORT),
                            env,
                            work.resolve("worker.log"));
                    HeapSampler heap = new HeapSampler("http://127.0.0.1:" + WORKER_PORT + "/actuator/prometheus")) {
                double applied = drainRate(broker.bootstrapServers(), mix.size());
                worker.awaitHttpOk("http://127.0.0.1:" + WORKER_PORT + "/actuator/health", Duration.ofSeconds(60));

                try (ChildProcess ingest = ChildProcess.start(
                                "webhook-ingest",
                                List.of("-Xmx256m", "-jar", ingestJar.toString(), "--server.port=" + INGEST_PORT),
                                env,
                                work.resolve("ingest.log"))
                        .awaitHttpOk("http://127.0.0.1:" + INGEST_PORT + "/actuator/health", Duration.ofSeconds(90))) {
                    // as long a warm-up as the ingest benchmark's: a freshly started ingest is still JIT-compiling
                    EndToEndLatency.Result warmUp = EndToEndLatency.run(
                            "http://127.0.0.1:" + INGEST_PORT + "/webhooks/stripe",
                            client.getDatabase("paystream").getCollection("payment_intents"),
                            SignedEvents.generate("warm", rate * 20, 2048, SECRET),
                            rate);
                    String workerPrometheus = "http://127.0.0.1:" + WORKER_PORT + "/actuator/prometheus";
                    PrometheusHistogram pipelineBefore = PrometheusHistogram.read(workerPrometheus, PIPELINE_LATENCY);
                    EndToEndLatency.Result latency = EndToEndLatency.run(
                            "http://127.0.0.1:" + INGEST_PORT + "/webhooks/stripe",
                            client.getDatabase("paystream").getCollection("payment_intents"),
                            SignedEvents.generate("e2e", rate * seconds, 2048, SECRET),
                            rate);
                    report.append("| measure | value |\n|---|---|\n");
                    report.append(
                            "| end-to-end warm-up (20 s, not counted): not 200 | %s |%n".formatted(warmUp.failures()));
                    report.append("| raw driver upserts, one by one (3 threads) | %,.0f events/s |%n".formatted(raw));
                    report.append("| raw driver upserts, unordered bulk of 500 (3 threads) | %,.0f events/s |%n"
                            .formatted(rawBulk));
                    report.append(
                            "| worker applied, broker to MongoDB | %,.0f events/s (%.0f%% of one-by-one, %.0f%% of bulk) |%n"
                                    .formatted(applied, 100 * applied / raw, 100 * applied / rawBulk));
                    report.append("| end-to-end at %,d/s: p50 / p99 / max | %.1f / %.1f / %.1f ms |%n"
                            .formatted(rate, latency.p50Millis(), latency.p99Millis(), latency.maxMillis()));
                    PrometheusHistogram pipeline = PrometheusHistogram.read(workerPrometheus, PIPELINE_LATENCY);
                    report.append(
                            "| the worker's own ingest-receipt-to-written, same phase: p50 / p99 | ≤ %.0f / ≤ %.0f ms"
                                            .formatted(
                                                    pipeline.quantileMillisSince(pipelineBefore, 0.50),
                                                    pipeline.quantileMillisSince(pipelineBefore, 0.99))
                                    + " (%,.0f events) |%n".formatted(pipeline.countSince(pipelineBefore)));
                    report.append("| end-to-end: sent / 200 / visible | %,d / %,d / %,d (200s at %,.0f/s) |%n"
                            .formatted(
                                    latency.sent(), latency.accepted(), latency.seen(), latency.acceptedPerSecond()));
                    report.append("| end-to-end: not 200 | %s |%n".formatted(latency.failures()));
                    report.append("| worker peak heap used (-Xmx384m) | %.0f MB |%n"
                            .formatted(heap.peakBytes() / 1024.0 / 1024.0));
                }
            }
        }
        System.out.println(report);
        Path out = repo.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("worker-" + Instant.now().getEpochSecond() + ".md"), report);
        // The broker and services were stopped above; leave no client thread holding the harness JVM open.
        System.exit(0);
    }

    private static void preload(String bootstrapServers, List<MixRecord> mix) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (MixRecord r : mix) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STRIPE_EVENTS, r.key(), r.body());
                r.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Events per second between 10% and 100% of the mix committed by the worker's consumer group. */
    private static double drainRate(String bootstrapServers, long total) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long tenPercentAt = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                long committed = admin
                        .listConsumerGroupOffsets("payment-worker")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .values()
                        .stream()
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(o -> o.offset())
                        .sum();
                if (tenPercentAt == 0 && committed >= total / 10) {
                    tenPercentAt = System.nanoTime();
                }
                if (committed >= total) {
                    return (total - total / 10) / ((System.nanoTime() - tenPercentAt) / 1e9);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            throw new IllegalStateException("worker did not drain " + total + " events in 10 minutes");
        }
    }
}
