package io.paystream.bench.ingest;

import io.paystream.bench.bare.BareEndpointApplication;
import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.HeapSampler;
import io.paystream.bench.support.LoadResult;
import io.paystream.bench.support.LoadTools;
import io.paystream.bench.support.PrometheusTimer;
import io.paystream.bench.support.ServiceJars;
import io.paystream.bench.support.SignedEvents;
import io.paystream.bench.support.SignedEvents.SignedEvent;
import io.paystream.bench.support.TopicCount;
import io.paystream.bench.support.WrkScript;
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
 * <p>System properties: {@code bench.seconds} (per measured phase, default 15), {@code bench.rounds} (alternating
 * bare/ingest rounds, 3), {@code bench.warmUpSeconds} (20), {@code bench.connections} (wrk, 64),
 * {@code bench.rate} (fixed-rate phase, 5000/s), {@code bench.eventBytes} (2048), {@code bench.ingestJvmArgs} (extra
 * JVM options for the ingest, space-separated, e.g. a {@code -XX:StartFlightRecording=...} to profile it).
 */
public final class IngestBenchmark {

    private static final String SECRET = "whsec_paystream_bench_secret";
    private static final int INGEST_PORT = 18080;
    private static final int BARE_PORT = 18090;
    /** Connections for the fixed-rate phase: at 5,000/s, each has 20 ms for its request before the next is due. */
    private static final int PACED_CONNECTIONS = 100;

    private static final String PUBLISH_TIMER = "paystream_ingest_publish_seconds";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int seconds = Integer.getInteger("bench.seconds", 15);
        int rounds = Integer.getInteger("bench.rounds", 3);
        // Long enough for the JIT to finish the hot paths: after 5 s the C2 compiler threads still used half as much
        // CPU as the request threads, and after 20 s the ingest's CPU per request still fell from 257 to 117 µs over
        // the next three rounds; after 40 s the rounds agree. A production ingest runs for days: steady state is the
        // number that matters.
        int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 40);
        int connections = Integer.getInteger("bench.connections", 64);
        int rate = Integer.getInteger("bench.rate", 5000);
        int eventBytes = Integer.getInteger("bench.eventBytes", 2048);
        Path ingestJar = ServiceJars.of(repo, "webhook-ingest");
        Path work = Files.createTempDirectory("paystream-bench-ingest");
        String classPath = System.getProperty("java.class.path");

        List<SignedEvent> events = SignedEvents.generate(2000, eventBytes, SECRET);
        Path ingestScript = WrkScript.write(work, "/webhooks/stripe", events);
        Path bareScript = WrkScript.write(work, "/bare", events);
        Path pacedScript = WrkScript.writePaced(work, "/webhooks/stripe", events, rate);

        Rounds bareRounds = new Rounds();
        Rounds ingestRounds = new Rounds();
        LoadResult ceiling;
        LoadResult fixed;
        long peakHeap;
        long onTopic;
        long acceptedByIngest;
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
            acceptedByIngest = 0;

            // Both servers run side by side and are measured in alternating rounds, so a stretch of noise from the
            // shared host (the bare endpoint alone measured 6,700 to 20,400/s in runs an hour apart) hits both alike.
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
                            .awaitHttpOk("http://127.0.0.1:" + BARE_PORT + "/bare", Duration.ofSeconds(60));
                    ChildProcess ingest = ChildProcess.start(
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
                String bareBase = "http://127.0.0.1:" + BARE_PORT;
                String base = "http://127.0.0.1:" + INGEST_PORT;
                String prometheus = base + "/actuator/prometheus";
                LoadTools.wrk("bare warm-up", bareBase, bareScript, connections, warmUpSeconds);
                acceptedByIngest += LoadTools.wrk("ingest warm-up", base, ingestScript, connections, warmUpSeconds)
                        .ok();
                PrometheusTimer serverBefore = serverTimer(prometheus);
                PrometheusTimer publishBefore = PrometheusTimer.read(prometheus, PUBLISH_TIMER);
                for (int round = 1; round <= rounds; round++) {
                    bareRounds.measure(bare, () -> LoadTools.wrk("bare", bareBase, bareScript, connections, seconds));
                    LoadResult max = ingestRounds.measure(
                            ingest, () -> LoadTools.wrk("ingest", base, ingestScript, connections, seconds));
                    acceptedByIngest += max.ok();
                }
                serverMillis = serverTimer(prometheus).meanMillisSince(serverBefore);
                publishMillis = PrometheusTimer.read(prometheus, PUBLISH_TIMER).meanMillisSince(publishBefore);
                fixed = LoadTools.wrk(
                        "webhook-ingest, paced at " + rate + "/s", base, pacedScript, PACED_CONNECTIONS, seconds);
                acceptedByIngest += fixed.ok();
                peakHeap = heap.peakBytes();
            }
            // after the services, so the broker is as warm for the producer as it was for the ingest
            ceiling = SyncProducerCeiling.run(broker.bootstrapServers(), events, connections, seconds);
            acceptedByIngest += ceiling.ok();
            onTopic = TopicCount.records(broker.bootstrapServers(), Topics.STRIPE_EVENTS);
        }

        String report = report(
                        bareRounds,
                        ingestRounds,
                        ceiling,
                        fixed,
                        peakHeap,
                        acceptedByIngest,
                        onTopic,
                        seconds,
                        connections,
                        eventBytes)
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

    private static List<String> ingestCommand(Path ingestJar) {
        List<String> command = new ArrayList<>(List.of("-Xmx256m"));
        command.addAll(ChildProcess.optionsFrom("bench.ingestJvmArgs"));
        command.addAll(List.of("-jar", ingestJar.toString(), "--server.port=" + INGEST_PORT));
        return command;
    }

    private static String report(
            Rounds bare,
            Rounds ingest,
            LoadResult ceiling,
            LoadResult fixed,
            long peakHeap,
            long accepted,
            long onTopic,
            int seconds,
            int connections,
            int eventBytes) {
        StringBuilder md = new StringBuilder();
        md.append("### webhook-ingest, ").append(Instant.now()).append('\n');
        md.append(
                "%d-byte signed events, %d rounds of %d s per server, wrk -t2 -c%d (paced: -c%d); %d cores, Java %s%n%n"
                        .formatted(
                                eventBytes,
                                bare.results().size(),
                                seconds,
                                connections,
                                PACED_CONNECTIONS,
                                Runtime.getRuntime().availableProcessors(),
                                System.getProperty("java.version")));
        md.append("| phase | requests | 200 | other | 200/s | p50 ms | p99 ms | own CPU per 200 |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < bare.results().size(); i++) {
            md.append(bare.row(i, "bare MVC endpoint, max, round " + (i + 1))).append('\n');
            md.append(ingest.row(i, "webhook-ingest, max, round " + (i + 1))).append('\n');
        }
        md.append(ceiling.tableRow()).append(" |\n");
        md.append(fixed.tableRow()).append(" |\n");
        String ratio = "%nIngest max throughput = %.0f%% of the bare endpoint (median of the rounds' ratios; medians"
                + " %,.0f/s and %,.0f/s).%n";
        md.append(ratio.formatted(
                100 * Rounds.medianRatio(ingest, bare), ingest.medianOkPerSecond(), bare.medianOkPerSecond()));
        md.append("Ingest max throughput = %.0f%% of the raw synchronous producer's.%n"
                .formatted(100 * ingest.medianOkPerSecond() / ceiling.okPerSecond()));
        String cpu = "CPU per 200 at max load (the process's own CPU time, all rounds): bare endpoint %.0f µs, ingest"
                + " %.0f µs.%n";
        md.append(cpu.formatted(bare.cpuMicrosPerOk(), ingest.cpuMicrosPerOk()));
        md.append("Ingest peak heap used: %.0f MB (-Xmx256m).%n".formatted(peakHeap / 1024.0 / 1024.0));
        md.append("Acknowledged (200s plus raw-producer acks): %,d; records on %s: %,d; lost: %,d.%n"
                .formatted(accepted, Topics.STRIPE_EVENTS, onTopic, Math.max(0, accepted - onTopic)));
        return md.toString();
    }
}
