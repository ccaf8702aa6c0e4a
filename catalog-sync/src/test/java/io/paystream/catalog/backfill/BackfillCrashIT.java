package io.paystream.catalog.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service as a real process, killed with SIGKILL in the middle of a backfill: its run stays
 * {@code running} with the cursor of the last acknowledged page; the next instance, once the dead one's lock expired,
 * marks it abandoned and continues from that cursor, listing only the pages after it. Together the two runs publish
 * every object, and at most the page in progress twice.
 */
class BackfillCrashIT {

    private static final Path JAR = Path.of("target", "catalog-sync-0.1.0-SNAPSHOT.jar");
    private static final int INTENTS = 3_000;

    @Test
    void aBackfillKilledMidwayIsContinuedFromItsCursorByTheNextInstance() throws Exception {
        assertThat(JAR).exists();
        try (StripeEmulator emulator =
                        StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
                EmbeddedMongoServer mongoServer = EmbeddedMongoServer.inMemory();
                TestKafka kafka = TestKafka.isolated().createTopics(3, Topics.STRIPE_EVENTS, Topics.STRIPE_FETCHED);
                TopicReader events = TopicReader.fromBeginning(kafka.bootstrapServers(), Topics.STRIPE_FETCHED);
                MongoClient client = MongoClients.create(mongoServer.connectionString("paystream"))) {
            MongoDatabase database = client.getDatabase("paystream");
            emulator.seedPayments(StripeEmulator.PLATFORM_ACCOUNT_ID, false, 20, INTENTS, 0, 0);
            String request = "/api/backfill?account=platform&livemode=false&types=payment_intents,charges";

            Instance first = start(emulator, mongoServer, kafka, 1);
            String killedRun;
            try {
                killedRun = CatalogApiClient.json(first.api().post(request))
                        .get("runId")
                        .asString();
                await().atMost(Duration.ofSeconds(60)).until(() -> intentsHandedOn(database, killedRun) >= 500);
            } finally {
                first.kill();
            }
            Document killed = run(database, killedRun);
            assertThat(killed.getString("status"))
                    .as("a killed run cannot record its end")
                    .isEqualTo("running");
            long handed = intentsHandedOn(database, killedRun);
            long intentRequests = emulator.requestCount("GET", "/v1/payment_intents");

            Instance second = start(emulator, mongoServer, kafka, 2);
            try {
                AtomicReference<JsonNode> completed = new AtomicReference<>();
                BackfillApi api = new BackfillApi(second.port());
                // the dead instance's lock expires lock-timeout after its last heartbeat: until then runs are skipped
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            completed.set(api.awaitRun(
                                    CatalogApiClient.json(second.api().post(request))
                                            .get("runId")
                                            .asString(),
                                    Duration.ofSeconds(60)));
                            return !"skipped"
                                    .equals(completed.get().get("status").asString());
                        });

                JsonNode next = completed.get();
                assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("succeeded");
                assertThat(next.get("targets").get(0).get("resumedFrom").asString())
                        .isEqualTo(killedRun);
                assertThat(run(database, killedRun).getString("status")).isEqualTo("abandoned");
                assertThat(emulator.requestCount("GET", "/v1/payment_intents") - intentRequests)
                        .as("only the pages after the killed run's last stored cursor")
                        .isEqualTo((INTENTS - handed) / 100);
                Set<String> runs = Set.of(killedRun, next.get("runId").asString());
                List<ConsumerRecord<String, byte[]>> records = events.awaitUntil(
                        all -> all.stream().map(ConsumerRecord::key).distinct().count() >= 2L * INTENTS);
                List<ConsumerRecord<String, byte[]>> ours = records.stream()
                        .filter(r -> runs.contains(TopicReader.header(r, StripeEventHeaders.RUN_ID)))
                        .toList();
                Map<String, Long> perObject =
                        ours.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertThat(perObject).as("every payment intent and charge").hasSize(2 * INTENTS);
                // payment intents and charges are listed side by side: each may have had one page in hand
                Map<String, Long> twicePerType = perObject.entrySet().stream()
                        .filter(object -> object.getValue() > 1)
                        .collect(Collectors.groupingBy(
                                object -> object.getKey().substring(0, 3),
                                Collectors.summingLong(object -> object.getValue() - 1)));
                assertThat(twicePerType.keySet()).isSubsetOf("pi_", "ch_");
                assertThat(twicePerType.values())
                        .as("published twice: at most the page each type's listing was handling when killed")
                        .allSatisfy(twice -> assertThat(twice).isBetween(1L, 100L));
            } finally {
                second.kill();
            }
        }
    }

    private static long intentsHandedOn(MongoDatabase database, String runId) {
        Document run = run(database, runId);
        if (run == null || run.get("types", Document.class) == null) {
            return 0;
        }
        Document intents = run.get("types", Document.class).get("payment_intents", Document.class);
        return intents == null ? 0 : intents.get("objects", Number.class).longValue();
    }

    private static Document run(MongoDatabase database, String runId) {
        return database.getCollection(BackfillRuns.COLLECTION)
                .find(Filters.eq("runId", runId))
                .first();
    }

    private static Instance start(StripeEmulator emulator, EmbeddedMongoServer mongo, TestKafka kafka, int attempt)
            throws Exception {
        int port = FreePorts.next();
        Path log = Files.createDirectories(Path.of("target", "crash-it")).resolve("backfill-" + attempt + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN,
                        // the first slow enough to be killed in the middle; a lock that a dead instance loses soon
                        "--paystream.catalog.rate-limit.test=" + (attempt == 1 ? 8 : 100),
                        "--paystream.catalog.runs.heartbeat=500ms",
                        "--paystream.catalog.runs.lock-timeout=3s",
                        "--paystream.backfill.schedule.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("MONGODB_URI", mongo.connectionString("paystream"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("STRIPE_API_BASE", emulator.baseUrl());
        env.put("STRIPE_PLATFORM_TEST_KEY", emulator.platformAccount().testSecretKey());
        env.put("CATALOG_SCHEDULE_ENABLED", "false");
        env.put("CATALOG_EVENTS_ENABLED", "false");
        Process process = builder.start();
        CatalogApiClient api = new CatalogApiClient(port);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .failFast("catalog-sync " + attempt + " exited, see target/crash-it", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> api.get("/actuator/health").statusCode() == 200);
        return new Instance(process, api, port);
    }

    /** A catalog-sync process and its API. */
    private record Instance(Process process, CatalogApiClient api, int port) {

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }
}
