package io.paystream.bench.catalog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.HeapSampler;
import io.paystream.bench.support.ServiceJars;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog-sync benchmark (issue 4): one full sync of a large catalog from the Stripe emulator (its rate limit off)
 * by the packaged service (heap capped at 256 MB) into the embedded MongoDB server, started with
 * {@code POST /api/catalog/sync} and timed until the run is no longer running.
 *
 * <p>Reports wall time, the Stripe requests the emulator served against the pages the catalog needs at 100 per page
 * (any excess would be a redundant fetch), the service's peak used heap, and checks that MongoDB holds the whole
 * catalog. Exits non-zero when the run did not succeed or the catalog is incomplete.
 *
 * <p>System properties: {@code bench.products} (10000), {@code bench.pricesPerProduct} (3), {@code bench.rateLimit}
 * (the service's client-side test-mode limit per second; default 0 = off, as the emulator's is).
 */
public final class CatalogBenchmark {

    private static final int PORT = 18082;
    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int products = Integer.getInteger("bench.products", 10_000);
        int pricesPerProduct = Integer.getInteger("bench.pricesPerProduct", 3);
        int rateLimit = Integer.getInteger("bench.rateLimit", 0);
        Path jar = ServiceJars.of(repo, "catalog-sync");
        Path work = Files.createTempDirectory("paystream-bench-catalog");
        long prices = (long) products * pricesPerProduct;
        long pagesNeeded = ceilDiv(products, 100) + ceilDiv(prices, 100);

        StringBuilder report = new StringBuilder("### catalog-sync, " + Instant.now() + "\n");
        report.append(
                "%,d products and %,d prices in one account (test mode), emulator rate limit off, client limit %s;"
                                .formatted(products, prices, rateLimit == 0 ? "off" : rateLimit + "/s")
                        + " %d cores, Java %s%n%n"
                                .formatted(
                                        Runtime.getRuntime().availableProcessors(),
                                        System.getProperty("java.version")));

        boolean ok;
        try (StripeEmulator emulator =
                        StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
                EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(mongo.connectionString("paystream"))) {
            emulator.seedCatalog(StripeEmulator.PLATFORM_ACCOUNT_ID, false, products, pricesPerProduct);
            Map<String, String> env = Map.of(
                    "MONGODB_URI", mongo.connectionString("paystream"),
                    "STRIPE_API_BASE", emulator.baseUrl(),
                    "STRIPE_PLATFORM_TEST_KEY", emulator.platformAccount().testSecretKey(),
                    "CATALOG_SCHEDULE_ENABLED", "false",
                    "CATALOG_EVENTS_ENABLED", "false",
                    "CATALOG_RATE_LIMIT_TEST", Integer.toString(rateLimit),
                    "LOGGING_LEVEL_ROOT", "WARN");
            try (ChildProcess service = ChildProcess.start(
                                    "catalog-sync",
                                    List.of(
                                            "-Xmx256m",
                                            "-jar",
                                            jar.toString(),
                                            "--server.port=" + PORT,
                                            "--paystream.security.admin-token=" + TOKEN),
                                    env,
                                    work.resolve("catalog-sync.log"))
                            .awaitHttpOk("http://127.0.0.1:" + PORT + "/actuator/health", Duration.ofSeconds(90));
                    HeapSampler heap = new HeapSampler("http://127.0.0.1:" + PORT + "/actuator/prometheus")) {
                emulator.resetRequestCounts();
                long start = System.nanoTime();
                String runId = JSON.readTree(send("POST", "/api/catalog/sync?account=platform")
                                .body())
                        .get("runId")
                        .asString();
                JsonNode run = awaitFinished(runId);
                double seconds = (System.nanoTime() - start) / 1e9;
                long productCalls = emulator.requestCount("GET", "/v1/products");
                long priceCalls = emulator.requestCount("GET", "/v1/prices");
                MongoDatabase database = client.getDatabase("paystream");
                long storedProducts = database.getCollection("catalog_products")
                        .countDocuments(Filters.and(Filters.eq("archived", false), Filters.eq("sellable", true)));
                long storedPrices = database.getCollection("catalog_prices").countDocuments();
                String status = run.get("status").asString();

                // the schedule's usual case: nothing changed since the last sync
                emulator.resetRequestCounts();
                long resyncStart = System.nanoTime();
                JsonNode resync = awaitFinished(JSON.readTree(send("POST", "/api/catalog/sync?account=platform")
                                .body())
                        .get("runId")
                        .asString());
                double resyncSeconds = (System.nanoTime() - resyncStart) / 1e9;
                long resyncCalls = emulator.requestCount("GET", "/v1/");
                ok = "succeeded".equals(status)
                        && "succeeded".equals(resync.get("status").asString())
                        && storedProducts == products
                        && storedPrices == prices;

                report.append("| measure | value | target |\n|---|---|---|\n");
                report.append("| run status | %s | succeeded |%n".formatted(status));
                report.append("| full sync, POST to finished | %.1f s | under 60 s |%n".formatted(seconds));
                report.append("| Stripe requests served (products + prices) | %,d (%,d + %,d) | %,d pages |%n"
                        .formatted(productCalls + priceCalls, productCalls, priceCalls, pagesNeeded));
                report.append("| run's own count of API calls | %,d | |%n"
                        .formatted(run.get("counts").get("apiCalls").asLong()));
                report.append("| objects per second | %,.0f | |%n".formatted((products + prices) / seconds));
                report.append("| stored: sellable products / prices | %,d / %,d | %,d / %,d |%n"
                        .formatted(storedProducts, storedPrices, products, prices));
                report.append("| service peak heap used during both runs (-Xmx256m) | %.0f MB | under 256 MB |%n"
                        .formatted(heap.peakBytes() / 1024.0 / 1024.0));
                report.append("| re-sync of the unchanged catalog: status, time, requests | %s, %.1f s, %,d | |%n"
                        .formatted(resync.get("status").asString(), resyncSeconds, resyncCalls));
            }
        }
        System.out.println(report);
        Path out = repo.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("catalog-" + Instant.now().getEpochSecond() + ".md"), report);
        System.exit(ok ? 0 : 1);
    }

    private static JsonNode awaitFinished(String runId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode run =
                    JSON.readTree(send("GET", "/api/catalog/sync/" + runId).body());
            if (!"running".equals(run.get("status").asString())) {
                return run;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("run " + runId + " not finished in 10 minutes");
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static long ceilDiv(long count, long pageSize) {
        return (count + pageSize - 1) / pageSize;
    }
}
