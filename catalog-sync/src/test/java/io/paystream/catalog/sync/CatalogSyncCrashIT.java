package io.paystream.catalog.sync;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service as a real process, killed with SIGKILL in the middle of a full sync: nothing is archived by the
 * killed run, the next instance marks it failed (abandoned) once the dead instance's lock expired, and completes the
 * catalog, archiving exactly what Stripe no longer has.
 */
class CatalogSyncCrashIT {

    private static final Path JAR = Path.of("target", "catalog-sync-0.1.0-SNAPSHOT.jar");

    @Test
    void aSyncKilledMidwayIsCompletedByTheNextInstanceAndArchivesNothingWrongly() throws Exception {
        assertThat(JAR).exists();
        try (StripeEmulator emulator =
                        StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
                EmbeddedMongoServer mongoServer = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(mongoServer.connectionString("paystream"))) {
            MongoDatabase database = client.getDatabase("paystream");
            MongoCollection<Document> products = database.getCollection(PRODUCTS);
            String platform = StripeEmulator.PLATFORM_ACCOUNT_ID;
            emulator.seedCatalog(platform, false, 1_500, 1);

            Instance first = start(emulator, mongoServer, 1);
            String killedRun;
            try {
                CatalogApiClient api = first.api();
                assertThat(api.sync("platform").get("status").asString()).isEqualTo("succeeded");
                emulator.seedCatalog(platform, false, 1_500, 1);
                String gone = api.allProducts("limit=1&account=platform")
                        .get(0)
                        .get("id")
                        .asString();
                emulator.removeProductSilently(platform, false, gone);

                killedRun = api.startSync("?account=platform");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> counts(database, killedRun).getLong("productsUpserted") >= 500);
                first.kill();
            } finally {
                first.kill();
            }
            Document killed = run(database, killedRun);
            assertThat(killed.getString("status"))
                    .as("a killed run cannot record its end")
                    .isEqualTo("running");
            assertThat(products.countDocuments(archived(true)))
                    .as("nothing archived by the killed run")
                    .isZero();
            assertThat(products.countDocuments(archived(false))).isGreaterThanOrEqualTo(1_500);

            Instance second = start(emulator, mongoServer, 2);
            try {
                CatalogApiClient api = second.api();
                AtomicReference<JsonNode> completed = new AtomicReference<>();
                // the dead instance's lock expires lock-timeout after its last heartbeat: until then runs are skipped
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            completed.set(api.sync("platform"));
                            return !"skipped"
                                    .equals(completed.get().get("status").asString());
                        });

                assertThat(completed.get().get("status").asString()).isEqualTo("succeeded");
                assertThat(completed.get().get("counts").get("productsArchived").asLong())
                        .isEqualTo(1);
                Document abandoned = run(database, killedRun);
                assertThat(abandoned.getString("status")).isEqualTo("failed");
                assertThat(abandoned.getString("reason")).startsWith("abandoned");
                assertThat(products.countDocuments(archived(false))).isEqualTo(2_999);
                assertThat(products.countDocuments(Filters.and(archived(false), Filters.eq(SELLABLE, true))))
                        .isEqualTo(2_999);
                assertThat(products.countDocuments(archived(true))).isEqualTo(1);
            } finally {
                second.kill();
            }
        }
    }

    private static Bson archived(boolean archived) {
        return Filters.and(Filters.eq(ACCOUNT, "platform"), Filters.eq(ARCHIVED, archived));
    }

    private static Document run(MongoDatabase database, String runId) {
        return database.getCollection("catalog_sync_runs")
                .find(Filters.eq("runId", runId))
                .first();
    }

    private static Document counts(MongoDatabase database, String runId) {
        Document run = run(database, runId);
        return run == null ? new Document("productsUpserted", 0L) : run.get("counts", Document.class);
    }

    private static Instance start(StripeEmulator emulator, EmbeddedMongoServer mongo, int attempt) throws Exception {
        int port = FreePorts.next();
        Path log = Files.createDirectories(Path.of("target", "crash-it")).resolve("catalog-sync-" + attempt + ".log");
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
                        "--paystream.catalog.runs.lock-timeout=3s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("MONGODB_URI", mongo.connectionString("paystream"));
        env.put("STRIPE_API_BASE", emulator.baseUrl());
        env.put("STRIPE_PLATFORM_TEST_KEY", emulator.platformAccount().testSecretKey());
        env.put("CATALOG_SCHEDULE_ENABLED", "false");
        env.put("CATALOG_EVENTS_ENABLED", "false");
        env.put("SERVER_PORT", Integer.toString(port));
        return awaitHealthy(builder.start(), port, attempt);
    }

    /** A catalog-sync process and its API. */
    private record Instance(Process process, CatalogApiClient api) {

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    private static Instance awaitHealthy(Process process, int port, int attempt) {
        CatalogApiClient api = new CatalogApiClient(port);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .failFast("catalog-sync " + attempt + " exited, see target/crash-it", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> api.get("/actuator/health").statusCode() == 200);
        return new Instance(process, api);
    }
}
