package io.paystream.bench.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.HeapSampler;
import io.paystream.bench.support.MongoServerProcess;
import io.paystream.bench.support.ServiceJars;
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
import org.bson.Document;

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
 * {@code bench.seconds} (latency phase, 20), {@code bench.latencyWarmUpSeconds} (before it, 40),
 * {@code bench.warmUpEvents} (drained before the timed mix, 60,000).
 */
public final class WorkerBenchmark {

    private static final String SECRET = "whsec_paystream_bench_secret";
    private static final int WORKER_PORT = 18081;
    private static final int INGEST_PORT = 18080;

    private WorkerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int eventCount = Integer.getInteger("bench.events", 100_000);
        int warmUpEvents = Integer.getInteger("bench.warmUpEvents", 60_000);
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int latencyWarmUpSeconds = Integer.getInteger("bench.latencyWarmUpSeconds", 40);
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

        try (MongoServerProcess mongo = MongoServerProcess.start(work.resolve("mongo.log"), "4g");
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
            // The baseline's copies are not needed again: dropped, the embedded server does not carry them on its heap
            // through the phases that measure the worker.
            RawDriverBaseline.drop(client);
            // A warm-up mix ahead of the measured one on the same partitions: the worker drains it first, so the
            // measured stretch starts with its JIT done. Profiled without it, the worker's compiler threads used more
            // CPU than its consumer during the timed drain, and runs varied from 3,600 to 5,300/s.
            int warmUpCount = preloadWarmUp(broker.bootstrapServers(), warmUpEvents);
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
                            "payment-worker", workerCommand(workerJar), env, work.resolve("worker.log"));
                    HeapSampler heap = new HeapSampler("http://127.0.0.1:" + WORKER_PORT + "/actuator/prometheus")) {
                double applied = drainRate(broker.bootstrapServers(), warmUpCount, warmUpCount + mix.size());
                worker.awaitHttpOk("http://127.0.0.1:" + WORKER_PORT + "/actuator/health", Duration.ofSeconds(60));

                try (ChildProcess ingest = ChildProcess.start(
                                "webhook-ingest",
                                List.of("-Xmx256m", "-jar", ingestJar.toString(), "--server.port=" + INGEST_PORT),
                                env,
                                work.resolve("ingest.log"))
                        .awaitHttpOk("http://127.0.0.1:" + INGEST_PORT + "/actuator/health", Duration.ofSeconds(90))) {
                    // 40 s at the measured rate, as the ingest benchmark warms up: both services are still
                    // JIT-compiling after start (a profile of the worker 20 s into this phase found its compiler
                    // threads using more CPU than its consumer)
                    String ingestBase = "http://127.0.0.1:" + INGEST_PORT;
                    String workerPrometheus = "http://127.0.0.1:" + WORKER_PORT + "/actuator/prometheus";
                    MongoCollection<Document> payments =
                            client.getDatabase("paystream").getCollection("payment_intents");
                    EndToEndLatency.Result warmUp = EndToEndLatency.run(
                            "warm", SECRET, ingestBase, workerPrometheus, payments, rate, latencyWarmUpSeconds, work);
                    EndToEndLatency.Result latency = EndToEndLatency.run(
                            "e2e", SECRET, ingestBase, workerPrometheus, payments, rate, seconds, work);
                    report.append("| measure | value |\n|---|---|\n");
                    report.append(
                            "| end-to-end warm-up (%d s, not counted): 200 / visible / worker outcomes | %,d / %,d / %s |%n"
                                    .formatted(
                                            latencyWarmUpSeconds,
                                            warmUp.load().ok(),
                                            warmUp.visible(),
                                            warmUp.outcomes()));
                    report.append("| raw driver upserts, one by one (3 threads) | %,.0f events/s |%n".formatted(raw));
                    report.append("| raw driver upserts, unordered bulk of 500 (3 threads) | %,.0f events/s |%n"
                            .formatted(rawBulk));
                    report.append(
                            "| worker applied, broker to MongoDB | %,.0f events/s (%.0f%% of one-by-one, %.0f%% of bulk) |%n"
                                    .formatted(applied, 100 * applied / raw, 100 * applied / rawBulk));
                    report.append(("| end-to-end at %,d/s, the worker's own ingest-receipt-to-written: p50 / p99 |"
                                    + " ≤ %.0f / ≤ %.0f ms |%n")
                            .formatted(rate, latency.p50Millis(), latency.p99Millis()));
                    report.append("| end-to-end: events written within 200 ms of receipt | %.2f%% |%n"
                            .formatted(100 * latency.within200Millis()));
                    report.append("| end-to-end: ingest's answer p50 / p99 (wrk) | %.1f / %.1f ms |%n"
                            .formatted(
                                    latency.load().p50Millis(), latency.load().p99Millis()));
                    report.append(
                            "| end-to-end: sent / 200 / other / visible | %,d / %,d / %,d / %,d (200s at %,.0f/s) |%n"
                                    .formatted(
                                            latency.load().requests(),
                                            latency.load().ok(),
                                            latency.load().other()
                                                    + latency.load().socketErrors(),
                                            latency.visible(),
                                            latency.load().okPerSecond()));
                    report.append("| end-to-end: the worker's outcomes for these events | %s |%n"
                            .formatted(latency.outcomes()));
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

    /**
     * The worker's command line; {@code bench.workerJvmArgs} adds JVM options and {@code bench.workerArgs} Spring
     * options (each space-separated), for experiments.
     */
    private static List<String> workerCommand(Path workerJar) {
        List<String> command = new java.util.ArrayList<>(List.of("-Xmx384m"));
        command.addAll(ChildProcess.optionsFrom("bench.workerJvmArgs"));
        command.addAll(List.of("-jar", workerJar.toString(), "--server.port=" + WORKER_PORT));
        command.addAll(ChildProcess.optionsFrom("bench.workerArgs"));
        return command;
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

    private static int preloadWarmUp(String bootstrapServers, int events) throws Exception {
        List<MixRecord> warmUp = LifecycleMix.build("w", events);
        preload(bootstrapServers, warmUp);
        return warmUp.size();
    }

    /**
     * Events per second between {@code from} plus 10% of the rest and {@code total} committed by the worker's consumer
     * group (records before {@code from} are the warm-up).
     */
    private static double drainRate(String bootstrapServers, long from, long total) throws Exception {
        long startAt = from + (total - from) / 10;
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
                if (tenPercentAt == 0 && committed >= startAt) {
                    tenPercentAt = System.nanoTime();
                }
                if (committed >= total) {
                    return (total - startAt) / ((System.nanoTime() - tenPercentAt) / 1e9);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            throw new IllegalStateException("worker did not drain " + total + " events in 10 minutes");
        }
    }
}
