package io.paystream.bench.ingest;

import io.paystream.bench.bare.BareEndpointApplication;
import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.HeapSampler;
import io.paystream.bench.support.PrometheusTimer;
import io.paystream.bench.support.ServiceJars;
import io.paystream.bench.support.SignedEvents;
import io.paystream.bench.support.SignedEvents.SignedEvent;
import io.paystream.bench.support.TopicCount;
import io.paystream.events.Topics;
import io.paystream.testsupport.KafkaBrokerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook-ingest benchmark (issue 2): a real Kafka broker process, the packaged ingest jar with a 256 MB heap cap,
 * and a bare Spring MVC endpoint measured in the same run on the same machine. Prints a Markdown report and writes
 * it under {@code bench/results/}. Run it with {@code bench/ingest.sh}.
 *
 * <p>System properties: {@code bench.seconds} (per measured phase, default 20), {@code bench.warmUpSeconds} (20), {@code bench.connections} (wrk, 64),
 * {@code bench.rate} (fixed-rate phase, 5000/s), {@code bench.eventBytes} (2048), {@code bench.ingestJvmArgs} (extra
 * JVM options for the ingest, space-separated, e.g. a {@code -XX:StartFlightRecording=...} to profile it).
 */
public final class IngestBenchmark {

    private static final String SECRET = "whsec_paystream_bench_secret";
    private static final int INGEST_PORT = 18080;
    private static final int BARE_PORT = 18090;
    private static final String PUBLISH_TIMER = "paystream_ingest_publish_seconds";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int seconds = Integer.getInteger("bench.seconds", 20);
        // Long enough for the JIT to finish the hot paths: a profile of a 5 s warm-up showed the C2 compiler threads
        // using half as much CPU as the request threads during the measured phase.
        int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 20);
        int connections = Integer.getInteger("bench.connections", 64);
        int rate = Integer.getInteger("bench.rate", 5000);
        int eventBytes = Integer.getInteger("bench.eventBytes", 2048);
        Path ingestJar = ServiceJars.of(repo, "webhook-ingest");
        Path work = Files.createTempDirectory("paystream-bench-ingest");
        String classPath = System.getProperty("java.class.path");

        List<SignedEvent> events = SignedEvents.generate(2000, eventBytes, SECRET);
        Path ingestScript = WrkScript.write(work, "/webhooks/stripe", events);
        Path bareScript = WrkScript.write(work, "/bare", events);
        Path heyBody =
                Files.writeString(work.resolve("hey-body.json"), events.get(0).body());

        List<LoadResult> results = new ArrayList<>();
        long peakHeap;
        long onTopic;
        long acceptedByIngest = 0;
        double bareCpuMicros;
        double ingestCpuMicros;
        double serverMillis;
        double publishMillis;
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(
                work.resolve("kafka"),
                io.paystream.testsupport.FreePorts.next(),
                io.paystream.testsupport.FreePorts.next(),
                System.getProperty("java.class.path"),
                "1g",
                KafkaBrokerProcess.THROUGHPUT)) {
            TopicCount.create(broker.bootstrapServers(), Topics.STRIPE_EVENTS, 3);

            try (ChildProcess bare = ChildProcess.start(
                            "bare-endpoint",
                            List.of(
                                    "-Xmx256m",
                                    "-cp",
                                    classPath,
                                    BareEndpointApplication.class.getName(),
                                    "--server.port=" + BARE_PORT,
                                    "--logging.level.root=WARN"),
                            Map.of(),
                            work.resolve("bare.log"))
                    .awaitHttpOk("http://127.0.0.1:" + BARE_PORT + "/bare", Duration.ofSeconds(60))) {
                String base = "http://127.0.0.1:" + BARE_PORT;
                LoadTools.wrk("bare warm-up", base, bareScript, connections, warmUpSeconds);
                Duration cpuBefore = bare.cpuTime();
                LoadResult bareMax = LoadTools.wrk("bare MVC endpoint, max", base, bareScript, connections, seconds);
                results.add(bareMax);
                bareCpuMicros = micros(bare.cpuTime().minus(cpuBefore)) / Math.max(1, bareMax.ok());
            }

            LoadResult ceiling = SyncProducerCeiling.run(broker.bootstrapServers(), events, connections, seconds);
            results.add(ceiling);

            try (ChildProcess ingest = ChildProcess.start(
                                    "webhook-ingest",
                                    ingestCommand(ingestJar),
                                    Map.of(
                                            "STRIPE_WEBHOOK_SECRET",
                                            SECRET,
                                            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                                            broker.bootstrapServers(),
                                            "LOGGING_LEVEL_ROOT",
                                            "WARN"),
                                    work.resolve("ingest.log"))
                            .awaitHttpOk(
                                    "http://127.0.0.1:" + INGEST_PORT + "/actuator/health", Duration.ofSeconds(90));
                    HeapSampler heap = new HeapSampler("http://127.0.0.1:" + INGEST_PORT + "/actuator/prometheus")) {
                String base = "http://127.0.0.1:" + INGEST_PORT;
                LoadResult warmUp = LoadTools.wrk("ingest warm-up", base, ingestScript, connections, warmUpSeconds);
                String prometheus = base + "/actuator/prometheus";
                PrometheusTimer serverBefore = serverTimer(prometheus);
                PrometheusTimer publishBefore = PrometheusTimer.read(prometheus, PUBLISH_TIMER);
                Duration cpuBefore = ingest.cpuTime();
                LoadResult max = LoadTools.wrk("webhook-ingest, max", base, ingestScript, connections, seconds);
                ingestCpuMicros = micros(ingest.cpuTime().minus(cpuBefore)) / Math.max(1, max.ok());
                serverMillis = serverTimer(prometheus).meanMillisSince(serverBefore);
                publishMillis = PrometheusTimer.read(prometheus, PUBLISH_TIMER).meanMillisSince(publishBefore);
                LoadResult fixed = LoadTools.heyAtRate(
                        "webhook-ingest at " + rate + "/s",
                        base + "/webhooks/stripe",
                        heyBody,
                        events.get(0).signature(),
                        rate,
                        50,
                        seconds);
                results.add(max);
                results.add(fixed);
                acceptedByIngest = warmUp.ok() + max.ok() + fixed.ok() + ceiling.ok();
                peakHeap = heap.peakBytes();
            }
            onTopic = TopicCount.records(broker.bootstrapServers(), Topics.STRIPE_EVENTS);
        }

        String report = report(results, peakHeap, acceptedByIngest, onTopic, seconds, connections, eventBytes)
                + "CPU per 200 at max load (the process's own CPU time, unaffected by other load): bare endpoint %.0f µs, ingest %.0f µs.%n"
                        .formatted(bareCpuMicros, ingestCpuMicros)
                + "Inside the ingest at max load: mean request %.2f ms, of which waiting for the broker's ack %.2f ms.%n"
                        .formatted(serverMillis, publishMillis);
        System.out.println(report);
        Path out = repo.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-" + Instant.now().getEpochSecond() + ".md"), report);
        if (onTopic < acceptedByIngest) {
            System.err.println("LOST EVENTS: " + (acceptedByIngest - onTopic));
            System.exit(1);
        }
    }

    private static PrometheusTimer serverTimer(String prometheus) {
        return PrometheusTimer.read(prometheus, "paystream_ingest_request_seconds", "outcome=\"accepted\"");
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1000.0;
    }

    private static List<String> ingestCommand(Path ingestJar) {
        List<String> command = new ArrayList<>(List.of("-Xmx256m"));
        String extra = System.getProperty("bench.ingestJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", ingestJar.toString(), "--server.port=" + INGEST_PORT));
        return command;
    }

    private static String report(
            List<LoadResult> results,
            long peakHeap,
            long accepted,
            long onTopic,
            int seconds,
            int connections,
            int eventBytes) {
        StringBuilder md = new StringBuilder();
        md.append("### webhook-ingest, ").append(Instant.now()).append('\n');
        md.append("%d-byte signed events, %d s per phase, wrk -t2 -c%d, hey -c50; %d cores, Java %s%n%n"
                .formatted(
                        eventBytes,
                        seconds,
                        connections,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        md.append("| phase | requests | 200 | other | 200/s | p50 ms | p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        results.forEach(r -> md.append(r.tableRow()).append('\n'));
        LoadResult bare = results.get(0);
        LoadResult ceiling = results.get(1);
        LoadResult max = results.get(2);
        md.append("%nIngest max throughput = %.0f%% of the bare endpoint.%n"
                .formatted(100 * max.okPerSecond() / bare.okPerSecond()));
        md.append("Ingest max throughput = %.0f%% of the raw synchronous producer's.%n"
                .formatted(100 * max.okPerSecond() / ceiling.okPerSecond()));
        md.append("Ingest peak heap used: %.0f MB (-Xmx256m).%n".formatted(peakHeap / 1024.0 / 1024.0));
        md.append("Acknowledged (200s plus raw-producer acks): %,d; records on %s: %,d; lost: %,d.%n"
                .formatted(accepted, Topics.STRIPE_EVENTS, onTopic, Math.max(0, accepted - onTopic)));
        return md.toString();
    }
}
