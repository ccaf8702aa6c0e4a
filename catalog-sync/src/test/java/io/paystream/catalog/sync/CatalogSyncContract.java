package io.paystream.catalog.sync;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.catalog.sync.EmulatorConfiguration.ConfiguredConnectAccount;
import io.paystream.catalog.sync.EmulatorConfiguration.TestAccounts;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.StripeEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Full syncs against the Stripe emulator, whatever MongoDB runs underneath: completeness at 10,000 products, archiving,
 * validation, rate-limit storms, failures that must not end {@code succeeded}, and a run stopped midway that the next
 * run completes. Each test uses accounts of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN,
            "paystream.catalog.schedule.enabled=false",
            "paystream.catalog.events.enabled=false",
            "paystream.catalog.rate-limit.test=200",
            "paystream.catalog.retry.max-attempts=10",
            "paystream.catalog.retry.initial-backoff=20ms",
            "paystream.catalog.retry.max-backoff=300ms",
            "paystream.catalog.runs.heartbeat=100ms",
            "paystream.catalog.runs.lock-timeout=3s"
        })
public abstract class CatalogSyncContract {

    @LocalServerPort
    int port;

    @Autowired
    StripeEmulator emulator;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ConfiguredConnectAccount connect;

    @Autowired
    MongoDatabase database;

    @Autowired
    RateLimiterRegistry rateLimiters;

    @Autowired
    Environment environment;

    CatalogApiClient api;

    @BeforeEach
    void client() {
        api = new CatalogApiClient(port);
    }

    @Test
    void aTenThousandProductCatalogSyncsCompletelyInOnePagePerHundredObjects() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 10_000, 3);
        long productCalls = emulator.requestCount("GET", "/v1/products");
        long priceCalls = emulator.requestCount("GET", "/v1/prices");

        JsonNode run = api.awaitRun(api.startSync("?account=" + account.id()), Duration.ofSeconds(90));

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode counts = run.get("counts");
        assertThat(counts.get("productsUpserted").asLong()).isEqualTo(10_000);
        assertThat(counts.get("pricesUpserted").asLong()).isEqualTo(30_000);
        assertThat(counts.get("productsInvalid").asLong()).isZero();
        assertThat(counts.get("apiCalls").asLong())
                .as("one call per page, none repeated")
                .isEqualTo(100 + 300);
        assertThat(emulator.requestCount("GET", "/v1/products") - productCalls).isEqualTo(100);
        assertThat(emulator.requestCount("GET", "/v1/prices") - priceCalls).isEqualTo(300);
        assertThat(database.getCollection(PRODUCTS)
                        .countDocuments(Filters.and(
                                Filters.eq(ACCOUNT, account.id()),
                                Filters.eq(SELLABLE, true),
                                Filters.eq(ARCHIVED, false))))
                .isEqualTo(10_000);
        assertThat(database.getCollection(PRICES).countDocuments(Filters.eq(ACCOUNT, account.id())))
                .isEqualTo(30_000);

        JsonNode firstPage = CatalogApiClient.json(api.get("/api/catalog/products?limit=100&account=" + account.id()));
        assertThat(firstPage.get("data")).hasSize(100);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
        JsonNode product = firstPage.get("data").get(0);
        assertThat(product.get("sellable").asBoolean()).isTrue();
        assertThat(product.get("prices")).hasSize(3);
        assertThat(product.get("prices").findValuesAsString("type"))
                .containsExactlyInAnyOrder("one_time", "recurring", "one_time");
    }

    @Test
    void productsAndPricesGoneFromStripeAreArchivedWithTheirTimeNotDeleted() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 20, 2);
        assertThat(api.sync(account.id()).get("status").asString()).isEqualTo("succeeded");
        List<String> ids = api.allProducts("account=" + account.id()).stream()
                .map(p -> p.get("id").asString())
                .toList();
        emulator.removeProductSilently(account.id(), false, ids.get(3));
        emulator.removeProductSilently(account.id(), false, ids.get(7));

        JsonNode second = api.sync(account.id());

        assertThat(second.get("status").asString()).isEqualTo("succeeded");
        assertThat(second.get("counts").get("productsArchived").asLong()).isEqualTo(2);
        assertThat(second.get("counts").get("pricesArchived").asLong()).isEqualTo(4);
        List<JsonNode> archived = api.allProducts("archived=true&account=" + account.id());
        assertThat(archived).extracting(p -> p.get("id").asString()).containsExactlyInAnyOrder(ids.get(3), ids.get(7));
        assertThat(archived).allSatisfy(p -> {
            assertThat(p.get("archivedAt").isNull()).isFalse();
            assertThat(p.get("archivedReason").asString()).isEqualTo("missing_from_stripe");
            assertThat(p.get("sellable").asBoolean()).isFalse();
        });
        assertThat(api.allProducts("account=" + account.id())).hasSize(18);
        assertThat(database.getCollection(PRODUCTS).countDocuments(Filters.eq(ACCOUNT, account.id())))
                .as("tombstones are kept")
                .isEqualTo(20);
        assertThat(database.getCollection(PRICES)
                        .countDocuments(Filters.and(Filters.eq(ACCOUNT, account.id()), Filters.eq(ARCHIVED, true))))
                .isEqualTo(4);

        JsonNode third = api.sync(account.id());
        assertThat(third.get("counts").get("productsArchived").asLong())
                .as("already archived")
                .isZero();
    }

    @Test
    void aResyncRewritesOnlyWhatChangedInStripe() throws Exception {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 50, 1);
        assertThat(api.sync(account.id()).get("status").asString()).isEqualTo("succeeded");
        JsonNode changed = api.allProducts("account=" + account.id()).get(10);
        String productId = changed.get("id").asString();
        String priceId = changed.get("prices").get(0).get("id").asString();
        Map<String, Long> before = versions(account.id());
        StripeClient stripe = StripeClient.builder()
                .setApiKey(account.testSecretKey())
                .setApiBase(emulator.baseUrl())
                .build();
        stripe.v1()
                .products()
                .update(
                        productId,
                        com.stripe.param.ProductUpdateParams.builder()
                                .setName("Renamed")
                                .build());
        stripe.v1()
                .prices()
                .update(priceId, PriceUpdateParams.builder().setActive(false).build());

        JsonNode resync = api.sync(account.id());

        assertThat(resync.get("status").asString()).isEqualTo("succeeded");
        assertThat(resync.get("counts").get("productsUpserted").asLong()).isEqualTo(50);
        Map<String, Long> after = versions(account.id());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((id, version) -> assertThat(version)
                .as(id)
                .isEqualTo(id.endsWith(productId) || id.endsWith(priceId) ? before.get(id) + 1 : before.get(id)));
        JsonNode renamed = api.allProducts("account=" + account.id()).get(10);
        assertThat(renamed.get("name").asString()).isEqualTo("Renamed");
        assertThat(renamed.get("sellable").asBoolean()).isFalse();
        assertThat(renamed.get("reasons").findValuesAsString("code")).containsExactly("no_active_price");
    }

    private Map<String, Long> versions(String account) {
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (String collection : List.of(PRODUCTS, PRICES)) {
            database.getCollection(collection)
                    .find(Filters.eq(ACCOUNT, account))
                    .forEach(d -> versions.put(d.getString(ID), d.getLong(VERSION)));
        }
        return versions;
    }

    @Test
    void productsThatCannotBeSoldAreStoredWithReasonsAndListedBySellableFalse() throws Exception {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 2, 0);
        StripeClient stripe = StripeClient.builder()
                .setApiKey(account.testSecretKey())
                .setApiBase(emulator.baseUrl())
                .build();
        String inactive = stripe.v1()
                .products()
                .create(ProductCreateParams.builder()
                        .setName("Retired plan")
                        .setActive(false)
                        .build())
                .getId();
        oneTimePrice(stripe, inactive);
        String deactivatedPriceOnly = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Old offer").build())
                .getId();
        String price = oneTimePrice(stripe, deactivatedPriceOnly);
        stripe.v1()
                .prices()
                .update(price, PriceUpdateParams.builder().setActive(false).build());
        String good = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Pro plan").build())
                .getId();
        stripe.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(good)
                        .setCurrency("eur")
                        .setUnitAmount(1900L)
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .build())
                        .build());

        JsonNode run = api.sync(account.id());

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("counts").get("productsInvalid").asLong()).isEqualTo(4);
        Map<String, List<String>> reasons = api.allProducts("sellable=false&account=" + account.id()).stream()
                .collect(Collectors.toMap(
                        p -> p.get("id").asString(), p -> p.get("reasons").findValuesAsString("code")));
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(inactive)).containsExactly("product_inactive");
        assertThat(reasons.get(deactivatedPriceOnly)).containsExactly("no_active_price");
        assertThat(reasons.values())
                .filteredOn(codes -> codes.equals(List.of("no_active_price")))
                .hasSize(3);
        List<JsonNode> sellable = api.allProducts("sellable=true&account=" + account.id());
        assertThat(sellable).extracting(p -> p.get("id").asString()).containsExactly(good);
        assertThat(sellable.get(0).get("reasons")).isEmpty();
        JsonNode problem = api.allProducts("sellable=false&account=" + account.id())
                .get(0)
                .get("reasons")
                .get(0);
        assertThat(problem.get("message").asString()).isNotBlank();
    }

    @Test
    void aRateLimitStormIsSurvivedAndTheRunStillCompletes() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 1_500, 1);
        try {
            emulator.setRateLimits(10, 0); // Stripe allows 10/s while this client sends up to 200/s
            emulator.failNext(7, 429); // and a burst of 429s on top, one short of the retry budget

            JsonNode run = api.awaitRun(api.startSync("?account=" + account.id()), Duration.ofSeconds(60));

            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
            JsonNode counts = run.get("counts");
            assertThat(counts.get("rateLimited").asLong()).isGreaterThanOrEqualTo(7);
            assertThat(counts.get("apiCalls").asLong()
                            - counts.get("rateLimited").asLong())
                    .as("every page fetched once successfully")
                    .isEqualTo(15 + 15);
            assertThat(counts.get("productsUpserted").asLong()).isEqualTo(1_500);
            assertThat(counts.get("pricesUpserted").asLong()).isEqualTo(1_500);
        } finally {
            emulator.setRateLimits(0, 0);
            emulator.failNext(0, 429);
        }
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("paystream_catalog_stripe_rate_limited_total{");
        assertThat(metrics).contains("paystream_catalog_stripe_requests_total{").contains("status=\"429\"");
    }

    @Test
    void rateLimitedBeyondEveryRetryEndsFailedWithTheReasonNeverSucceeded() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 5, 1);
        try {
            emulator.failNext(1_000, 429);

            JsonNode run = api.sync(account.id());

            assertThat(run.get("status").asString()).isEqualTo("failed");
            JsonNode target = run.get("targets").get(0);
            assertThat(target.get("reason").asString()).contains("429").contains("rate limited");
            assertThat(run.get("counts").get("apiCalls").asLong())
                    .as("max-attempts")
                    .isEqualTo(10);
        } finally {
            emulator.failNext(0, 429);
        }
    }

    @Test
    void aRevokedKeyEndsFailedAndTheReasonNeverShowsTheKey() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 5, 1);
        emulator.revokeKey(account.testSecretKey());

        JsonNode run = api.sync(account.id());

        assertThat(run.get("status").asString()).isEqualTo("failed");
        String reason = run.get("targets").get(0).get("reason").asString();
        assertThat(reason).contains("401");
        assertThat(api.get("/api/catalog/sync/" + run.get("runId").asString()).body())
                .doesNotContain(account.testSecretKey());
        assertThat(run.get("counts").get("apiCalls").asLong())
                .as("401 is not retried")
                .isEqualTo(1);
    }

    @Test
    void aRunStoppedMidwayEndsPartialArchivesNothingAndTheNextRunCompletesIt() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 1_000, 1);
        assertThat(api.sync(account.id()).get("status").asString()).isEqualTo("succeeded");
        emulator.seedCatalog(account.id(), false, 1_000, 1);
        String gone =
                api.allProducts("account=" + account.id()).get(0).get("id").asString();
        emulator.removeProductSilently(account.id(), false, gone);
        var limiter = rateLimiters.rateLimiter("stripe-test");
        String runId;
        try {
            limiter.changeLimitForPeriod(5); // slow enough to stop it in the middle
            runId = api.startSync("?account=" + account.id());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> CatalogApiClient.json(api.get("/api/catalog/sync/" + runId))
                                    .get("counts")
                                    .get("productsUpserted")
                                    .asLong()
                            >= 300);
            emulator.failNext(1, 400); // a request Stripe refuses for good: not retried
        } finally {
            limiter.changeLimitForPeriod(200);
        }

        JsonNode stopped = api.awaitRun(runId, Duration.ofSeconds(30));

        assertThat(stopped.get("status").asString()).isEqualTo("partial");
        assertThat(stopped.get("targets").get(0).get("reason").asString()).contains("400");
        assertThat(stopped.get("counts").get("productsArchived").asLong()).isZero();
        assertThat(database.getCollection(PRODUCTS)
                        .countDocuments(Filters.and(Filters.eq(ACCOUNT, account.id()), Filters.eq(ARCHIVED, true))))
                .as("a partial listing archives nothing")
                .isZero();

        JsonNode next = api.sync(account.id());

        assertThat(next.get("status").asString()).isEqualTo("succeeded");
        assertThat(next.get("counts").get("productsArchived").asLong()).isEqualTo(1);
        assertThat(api.allProducts("account=" + account.id())).hasSize(1_999);
        assertThat(api.allProducts("sellable=true&account=" + account.id())).hasSize(1_999);
    }

    @Test
    void thePlatformAndAConfiguredConnectAccountSyncWithThePlatformKeyAndAreNeverMixed() {
        emulator.seedCatalog(StripeEmulator.PLATFORM_ACCOUNT_ID, false, 4, 1);
        emulator.seedCatalog(connect.account().id(), false, 6, 2);

        JsonNode run = api.awaitRun(
                api.startSync("?livemode=false&account=" + connect.account().id()), Duration.ofSeconds(30));
        JsonNode platformRun = api.sync("platform");

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(platformRun.get("status").asString()).isEqualTo("succeeded");
        List<JsonNode> connected =
                api.allProducts("account=" + connect.account().id());
        assertThat(connected).hasSize(6).allSatisfy(p -> assertThat(p.get("prices"))
                .hasSize(2));
        List<JsonNode> platform = api.allProducts("account=platform");
        assertThat(platform).hasSize(4).noneMatch(p -> connected.stream()
                .anyMatch(c -> c.get("id").asString().equals(p.get("id").asString())));
        assertThat(api.allProducts("livemode=true&account=platform")).isEmpty();
        assertThat(api.post("/api/catalog/sync?account=platform&livemode=true").statusCode())
                .as("no live key configured")
                .isEqualTo(404);
        assertThat(api.get("/actuator/prometheus").body())
                .contains("paystream_catalog_sync_since_last_success_seconds{account=\"platform\"")
                .contains("paystream_catalog_sync_runs_total{")
                .contains("outcome=\"succeeded\"");
    }

    @Test
    void twoInstancesWhoseSchedulesFireTogetherSyncAnAccountOnce() throws Exception {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 300, 1);
        String mongoUri = environment.getRequiredProperty("spring.mongodb.uri");
        try (ConfigurableApplicationContext first = RacingInstance.start(mongoUri, emulator, account);
                ConfigurableApplicationContext second = RacingInstance.start(mongoUri, emulator, account)) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService ticks = Executors.newFixedThreadPool(2);
            try {
                List<Future<CatalogSync.Started>> started = List.of(
                        ticks.submit(() -> RacingInstance.tick(first, together)),
                        ticks.submit(() -> RacingInstance.tick(second, together)));
                List<String> runIds = new ArrayList<>();
                for (Future<CatalogSync.Started> tick : started) {
                    runIds.add(tick.get(30, TimeUnit.SECONDS).runId());
                }

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> RacingInstance.finishedRuns(first) + RacingInstance.finishedRuns(second) == 2);
                var runs = database.getCollection("catalog_sync_runs")
                        .find(Filters.in("runId", runIds))
                        .into(new ArrayList<>());
                assertThat(runs)
                        .as("only the lock holder records a scheduled run")
                        .hasSize(1);
                assertThat(runs.get(0).getString("status")).isEqualTo("succeeded");
                assertThat(runs.get(0).get("counts", org.bson.Document.class).getLong("apiCalls"))
                        .as("the catalog was listed once")
                        .isEqualTo(3 + 3);
                assertThat(RacingInstance.runsWithOutcome(first, "skipped")
                                + RacingInstance.runsWithOutcome(second, "skipped"))
                        .isEqualTo(1);
                assertThat(database.getCollection(PRODUCTS).countDocuments(Filters.eq(ACCOUNT, account.id())))
                        .isEqualTo(300);
            } finally {
                ticks.shutdownNow();
            }
        }
    }

    @Test
    void badRequestsAreAnsweredWithProblemDetailsNamingTheParameter() {
        assertProblem(api.post("/api/catalog/sync?account=bogus"), 400, "account");
        assertProblem(api.post("/api/catalog/sync?account=acct_NotConfigured"), 404, null);
        assertProblem(api.post("/api/catalog/sync?livemode=maybe"), 400, "livemode");
        assertProblem(api.get("/api/catalog/sync/run_doesnotexist"), 404, null);
        assertProblem(api.get("/api/catalog/products?limit=0"), 400, "limit");
        assertProblem(api.get("/api/catalog/products?limit=many"), 400, "limit");
        assertProblem(api.get("/api/catalog/products?sellable=perhaps"), 400, "sellable");
        assertProblem(api.get("/api/catalog/products?cursor=%25%25%25"), 400, "cursor");
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 3, 1);
        api.sync(account.id());
        String cursor = CatalogApiClient.json(api.get("/api/catalog/products?limit=1&account=" + account.id()))
                .get("nextCursor")
                .asString();
        assertProblem(api.get("/api/catalog/products?limit=1&sellable=true&cursor=" + cursor), 400, "cursor");
        assertThat(CatalogApiClient.json(
                                api.get("/api/catalog/products?limit=1&account=" + account.id() + "&cursor=" + cursor))
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        String openApi = api.get("/v3/api-docs").body();

        assertThat(openApi)
                .contains("/api/catalog/products")
                .contains("/api/catalog/sync/{runId}")
                .contains("application/problem+json")
                .contains("\"sellable\"");
    }

    private static void assertProblem(java.net.http.HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = CatalogApiClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        // service-support's scheme: typed URIs with a code (about:blank before it)
        String code = status == 400 ? "invalid-request" : "not-found";
        assertThat(problem.get("type").asString()).isEqualTo("https://paystream.io/problems/" + code);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        if (parameter != null) {
            assertThat(problem.get("errors").has(parameter)).as(response.body()).isTrue();
        }
    }

    private static String oneTimePrice(StripeClient stripe, String product) throws Exception {
        return stripe.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(product)
                        .setCurrency("usd")
                        .setUnitAmount(900L)
                        .build())
                .getId();
    }
}
