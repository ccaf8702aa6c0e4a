package io.paystream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.KafkaBrokerProcess;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged worker as a real process, killed with SIGKILL in the middle of a stream and restarted: the final state
 * equals the engine's reference, no event was applied twice (every document's version equals the reference's), and
 * every domain event reached {@code payments.events} (duplicates allowed, none missing).
 */
class WorkerCrashIT {

    private static final Path JAR = Path.of("target", "payment-worker-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path temp;

    @Test
    void aWorkerKilledMidStreamLosesNothingAndAppliesNothingTwice() throws Exception {
        assertThat(JAR).exists();
        String runId = "crash" + ProcessHandle.current().pid();
        List<FixtureEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.addAll(WorkerHarness.allLifecycles(runId + "x" + i));
        }
        WorkerHarness.Reference expected = WorkerHarness.reference(events, runId);

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(temp.resolve("kafka"));
                EmbeddedMongoServer mongoServer = EmbeddedMongoServer.inMemory();
                WorkerHarness harness =
                        new WorkerHarness(broker.bootstrapServers(), mongoServer.connectionString("paystream"));
                TopicReader feed = harness.feed()) {
            harness.sendAll(events);

            Process worker = startWorker(broker, mongoServer, 1);
            try {
                // Kill once some, but not all, events are applied.
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> WorkerHarness.versions(harness.database(), runId)
                                        .size()
                                >= 10);
                worker.destroyForcibly().waitFor();
                assertThat(WorkerHarness.versions(harness.database(), runId))
                        .as("killed mid-stream")
                        .isNotEqualTo(expected.versions());

                worker = startWorker(broker, mongoServer, 2);
                harness.awaitState(expected, runId, Duration.ofSeconds(180));
                assertThat(WorkerHarness.versions(harness.database(), runId)).isEqualTo(expected.versions());
                assertThat(WorkerHarness.awaitIds(feed, expected.domainEventIds()))
                        .containsAll(expected.domainEventIds());
            } finally {
                worker.destroyForcibly().waitFor();
            }
        }
    }

    private Process startWorker(KafkaBrokerProcess broker, EmbeddedMongoServer mongo, int attempt) throws Exception {
        Path log = Files.createDirectories(Path.of("target", "crash-it")).resolve("worker-" + attempt + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=" + FreePorts.next(),
                        // Small batches so the kill lands between state writes and offset commits.
                        "--spring.kafka.consumer.max-poll-records=20",
                        "--paystream.worker.outbox.min-age=1s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MONGODB_URI", mongo.connectionString("paystream"));
        return builder.start();
    }
}
