package io.paystream.catalog.backfill;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.catalog.sync.EmulatorConfiguration.TestAccounts;
import io.paystream.emulator.AccountSpec;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backfills against the Stripe emulator, whatever MongoDB runs underneath, through a broker of this context's own:
 * pages, cursors and counts; a run continued after its instance died re-lists at most the page in progress; a 429
 * storm; a revoked key; the API's problems; a connection backfilled once it becomes usable; an account with payment
 * history (seeded and played lifecycles) compared object by object with what the emulator serves.
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
            "paystream.catalog.runs.lock-timeout=3s",
            "paystream.backfill.schedule.enabled=false",
            "paystream.backfill.progress-log-interval=1s",
            "paystream.backfill.publish-timeout=10s",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
        })
public abstract class BackfillContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StripeEmulator emulator;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MongoDatabase database;

    @Autowired
    RateLimiterRegistry rateLimiters;

    @Autowired
    TestKafka backfillKafka;

    TopicReader events;

    BackfillApi api;

    @BeforeEach
    void client() {
        api = new BackfillApi(port);
        events = TopicReader.fromBeginning(backfillKafka.bootstrapServers(), Topics.STRIPE_FETCHED);
    }

    @AfterEach
    void closeReader() {
        events.close();
    }

    @Test
    void productsAndPricesAreWrittenPageByPageAndTheAccountIsPublishedAsStripeServedIt() throws Exception {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 250, 1);
        long productCalls = emulator.requestCount("GET", "/v1/products");

        JsonNode run = api.backfill("?account=" + account.id() + "&types=account,products,prices");

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("trigger").asString()).isEqualTo("manual");
        assertThat(run.get("targets").get(0).get("types"))
                .extracting(t -> t.get("type").asString())
                .containsExactly("account", "products", "prices");
        JsonNode products = BackfillApi.type(run, "products");
        assertThat(products.get("status").asString()).isEqualTo("succeeded");
        assertThat(products.get("objects").asLong()).isEqualTo(250);
        assertThat(products.get("pages").asLong()).isEqualTo(3);
        assertThat(BackfillApi.type(run, "prices").get("objects").asLong()).isEqualTo(250);
        assertThat(run.get("counts").get("objects").asLong()).isEqualTo(1 + 250 + 250);
        assertThat(run.get("counts").get("apiCalls").asLong())
                .as("one request per page, none repeated")
                .isEqualTo(1 + 3 + 3);
        assertThat(emulator.requestCount("GET", "/v1/products") - productCalls).isEqualTo(3);
        assertThat(database.getCollection(PRODUCTS)
                        .countDocuments(Filters.and(Filters.eq(ACCOUNT, account.id()), Filters.eq(SELLABLE, true))))
                .as("written to the catalog and validated")
                .isEqualTo(250);

        String runId = run.get("runId").asString();
        List<ConsumerRecord<String, byte[]>> published =
                events.awaitRecords(TopicReader.hasHeader(StripeEventHeaders.RUN_ID, runId), 1);
        assertThat(published)
                .as("only the account is published: products and prices go to the catalog")
                .hasSize(1);
        ConsumerRecord<String, byte[]> record = published.get(0);
        assertThat(record.key()).isEqualTo(account.id());
        assertThat(TopicReader.header(record, StripeEventHeaders.EVENT_TYPE)).isEqualTo("account.fetched");
        assertThat(TopicReader.header(record, StripeEventHeaders.SOURCE)).isEqualTo("backfill");
        assertThat(TopicReader.header(record, StripeEventHeaders.ACCOUNT)).isEqualTo(account.id());
        assertThat(TopicReader.header(record, StripeEventHeaders.TENANT)).isEqualTo("default");
        assertThat(fetchedObjectText(record))
                .as("byte for byte what Stripe answers")
                .isEqualTo(raw(account.testSecretKey(), "/v1/account"));

        assertThat(api.catalog().get("/actuator/prometheus").body())
                .contains("paystream_catalog_backfill_objects_total{")
                .contains("type=\"products\"")
                .contains("paystream_catalog_backfill_runs_total{")
                .contains("paystream_catalog_backfill_running");
    }

    @Test
    void aRunContinuedAfterItsInstanceDiedListsAtMostThePageInProgressAgain() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 1_000, 0);
        var limiter = rateLimiters.rateLimiter("stripe-test");
        String first;
        try {
            limiter.changeLimitForPeriod(5); // slow enough to stop it in the middle
            first = api.start("?account=" + account.id() + "&types=products");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> BackfillApi.type(api.run(first), "products")
                                    .get("objects")
                                    .asLong()
                            >= 300);
            emulator.failNext(1, 400); // the next page is refused for good
        } finally {
            limiter.changeLimitForPeriod(200);
        }
        JsonNode stopped = api.awaitRun(first, Duration.ofSeconds(30));
        assertThat(stopped.get("status").asString())
                .as("objects were handed on")
                .isEqualTo("partial");
        assertThat(stopped.get("targets").get(0).get("reason").asString()).contains("400");
        long handed = BackfillApi.type(stopped, "products").get("objects").asLong();
        String cursor = BackfillApi.type(stopped, "products").get("cursor").asString();
        assertThat(handed).isBetween(300L, 900L);
        // what an instance killed in the middle of that page leaves: still running, its cursor after the last page
        database.getCollection(BackfillRuns.COLLECTION)
                .updateOne(
                        Filters.eq("runId", first),
                        Updates.combine(
                                Updates.set("status", "running"),
                                Updates.unset("finishedAt"),
                                Updates.set("types.products.status", "running"),
                                Updates.unset("types.products.reason")));
        long before = emulator.requestCount("GET", "/v1/products");

        JsonNode next = api.backfill("?account=" + account.id() + "&types=products");

        assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("succeeded");
        assertThat(next.get("targets").get(0).get("resumedFrom").asString()).isEqualTo(first);
        assertThat(emulator.requestCount("GET", "/v1/products") - before)
                .as("only the pages after the stored cursor " + cursor)
                .isEqualTo((1_000 - handed) / 100);
        assertThat(BackfillApi.type(next, "products").get("objects").asLong()).isEqualTo(1_000);
        JsonNode abandoned = api.run(first);
        assertThat(abandoned.get("status").asString()).isEqualTo("abandoned");
        assertThat(abandoned.get("targets").get(0).get("reason").asString()).contains("abandoned");
        assertThat(database.getCollection(PRODUCTS).countDocuments(Filters.eq(ACCOUNT, account.id())))
                .isEqualTo(1_000);
    }

    @Test
    void aRateLimitStormSlowsTheRunAndItStillSucceeds() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 1_500, 1);
        JsonNode run;
        try {
            emulator.setRateLimits(10, 0); // Stripe allows 10/s while this client sends up to 200/s
            emulator.failNext(7, 429); // and a burst of 429s on top, one short of the retry budget

            run = api.awaitRun(
                    api.start("?account=" + account.id() + "&types=products,prices"), Duration.ofSeconds(60));
        } finally {
            emulator.setRateLimits(0, 0);
            emulator.failNext(0, 429);
        }

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode counts = run.get("counts");
        assertThat(counts.get("rateLimited").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(counts.get("apiCalls").asLong() - counts.get("rateLimited").asLong())
                .as("every page fetched once successfully")
                .isEqualTo(15 + 15);
        assertThat(counts.get("objects").asLong()).isEqualTo(3_000);
    }

    @Test
    void aRevokedKeyEndsTheRunFailedWithTheReasonAndNeverShowsTheKey() {
        EmulatedAccount account = accounts.create();
        emulator.revokeKey(account.testSecretKey());

        JsonNode run = api.backfill("?account=" + account.id());

        assertThat(run.get("status").asString()).isEqualTo("failed");
        JsonNode target = run.get("targets").get(0);
        assertThat(target.get("reason").asString()).contains("401");
        assertThat(BackfillApi.type(run, "account").get("status").asString()).isEqualTo("failed");
        assertThat(BackfillApi.type(run, "customers").get("status").asString())
                .as("not tried: the key reaches nothing")
                .isEqualTo("queued");
        assertThat(run.get("counts").get("apiCalls").asLong())
                .as("401 is not retried")
                .isEqualTo(1);
        assertThat(api.catalog()
                        .get("/api/backfill/" + run.get("runId").asString())
                        .body())
                .doesNotContain(account.testSecretKey());
    }

    @Test
    void badRequestsAreAnsweredWithProblemDetailsNamingTheParameter() {
        EmulatedAccount account = accounts.create();
        assertProblem(api.catalog().post("/api/backfill?account=" + account.id() + "&types=products,nonsense"), 400);
        assertProblem(api.catalog().post("/api/backfill?account=bogus"), 400);
        assertProblem(api.catalog().post("/api/backfill?livemode=false"), 400);
        assertProblem(api.catalog().post("/api/backfill?account=acct_NotConfigured"), 404);
        assertProblem(api.catalog().get("/api/backfill/bf_doesnotexist"), 404);
        assertThat(api.catalog().get("/v3/api-docs").body()).contains("/api/backfill/{runId}");
    }

    @Test
    void aConnectionIsBackfilledOnceItsKeysAreValidatedAndAgainWhenSwitchedBackOn() throws Exception {
        EmulatedAccount account = emulator.createAccount(AccountSpec.activeStandalone());
        emulator.seedCatalog(account.id(), false, 120, 1);

        HttpResponse<String> connected = api.postJson(
                "/api/connections",
                JSON.writeValueAsString(Map.of(
                        "tenant", "acme",
                        "publishableKey", account.testPublishableKey(),
                        "secretKey", account.testSecretKey(),
                        "currency", "usd",
                        "mode", "test")));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);

        List<Document> runs = awaitConnectionRuns(account, 1);
        String runId = runs.get(0).getString("runId");
        JsonNode view = api.run(runId);
        assertThat(view.get("trigger").asString()).isEqualTo("connection");
        assertThat(BackfillApi.type(view, "account").get("status").asString()).isEqualTo("succeeded");
        assertThat(BackfillApi.type(view, "products").get("objects").asLong()).isEqualTo(120);
        ConsumerRecord<String, byte[]> published =
                events.awaitRecord(TopicReader.hasHeader(StripeEventHeaders.RUN_ID, runId));
        assertThat(TopicReader.header(published, StripeEventHeaders.TENANT))
                .as("the connection's tenant")
                .isEqualTo("acme");

        String connection =
                "/api/connections/" + JSON.readTree(connected.body()).get("id").asString();
        assertThat(api.patchJson(connection, "{\"enabled\":false}").statusCode())
                .isEqualTo(200);
        assertThat(awaitConnectionRuns(account, 1))
                .as("switching off starts nothing")
                .hasSize(1);
        assertThat(api.patchJson(connection, "{\"enabled\":true}").statusCode()).isEqualTo(200);

        assertThat(awaitConnectionRuns(account, 2)).as("usable again").hasSize(2);
    }

    /** Waits until {@code count} backfills the account's connection started have finished; returns them all. */
    private List<Document> awaitConnectionRuns(EmulatedAccount account, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> database.getCollection(BackfillRuns.COLLECTION)
                                .find(Filters.and(
                                        Filters.eq("account", account.id()), Filters.eq("trigger", "connection")))
                                .sort(Sorts.ascending("requestedAt"))
                                .into(new ArrayList<>()),
                        found -> found.size() >= count
                                && found.stream().noneMatch(run -> List.of("queued", "running")
                                        .contains(run.getString("status"))));
    }

    @Test
    void anAccountWithHistoryIsPublishedObjectByObjectAsStripeServesIt() throws Exception {
        EmulatedAccount account = accounts.create();
        emulator.seedPayments(account.id(), false, 30, 250, 20, 40);
        for (String lifecycle : List.of(
                "card_checkout_success",
                "partial_and_full_refund",
                "dispute_lost",
                "payout_paid",
                "subscription_trial_to_canceled")) {
            emulator.enact(lifecycle, account.id(), false);
        }
        Map<String, String> served = servedObjects(account);

        JsonNode run = api.backfill("?account=" + account.id());

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        String runId = run.get("runId").asString();
        List<ConsumerRecord<String, byte[]>> published =
                events.awaitRecords(TopicReader.hasHeader(StripeEventHeaders.RUN_ID, runId), served.size());
        Map<String, String> fetched = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            String text = fetchedObjectText(record);
            JsonNode object = JSON.readTree(text);
            assertThat(TopicReader.header(record, StripeEventHeaders.EVENT_TYPE))
                    .isEqualTo(object.get("object").asString() + ".fetched");
            assertThat(TopicReader.header(record, StripeEventHeaders.SOURCE)).isEqualTo("backfill");
            assertThat(TopicReader.header(record, StripeEventHeaders.ACCOUNT)).isEqualTo(account.id());
            assertThat(record.key())
                    .isEqualTo(object.has("id") ? object.get("id").asString() : "balance:" + account.id());
            assertThat(fetched.put(record.key(), text))
                    .as("published once: " + record.key())
                    .isNull();
        }
        assertThat(fetched)
                .as("every object, byte for byte as Stripe serves it")
                .isEqualTo(served);
        assertThat(fetched.values())
                .as("subscriptions of every status")
                .anyMatch(text -> text.contains("\"object\":\"subscription\"") && text.contains("\"canceled\""));
        assertThat(BackfillApi.type(run, "payment_intents").get("objects").asLong())
                .isGreaterThan(250);
        assertThat(BackfillApi.type(run, "payment_intents").get("pages").asLong())
                .isEqualTo(3);
        assertThat(run.get("counts").get("objects").asLong()).isEqualTo(served.size());
    }

    @Test
    void aContinuedRunListsEachPaymentTypeFromItsCursorAndTogetherTheyPublishEveryObjectOnce() {
        EmulatedAccount account = accounts.create();
        emulator.seedPayments(account.id(), false, 10, 1_000, 0, 0);
        var limiter = rateLimiters.rateLimiter("stripe-test");
        String first;
        try {
            limiter.changeLimitForPeriod(5);
            first = api.start("?account=" + account.id() + "&types=payment_intents,charges");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> BackfillApi.type(api.run(first), "payment_intents")
                                    .get("objects")
                                    .asLong()
                            >= 300);
            emulator.failNext(1, 400);
        } finally {
            limiter.changeLimitForPeriod(200);
        }
        JsonNode stopped = api.awaitRun(first, Duration.ofSeconds(30));
        // the two types are listed side by side: the 400 stopped whichever asked next, the other may have finished
        List<String> types = List.of("payment_intents", "charges");
        assertThat(types)
                .as("one type stopped by the 400")
                .anyMatch(type ->
                        BackfillApi.type(stopped, type).get("status").asString().equals("failed"));
        database.getCollection(BackfillRuns.COLLECTION)
                .updateOne(
                        Filters.eq("runId", first),
                        Updates.combine(Updates.set("status", "running"), Updates.unset("finishedAt")));
        Map<String, Long> requestsBefore = new java.util.HashMap<>();
        types.forEach(type -> requestsBefore.put(type, emulator.requestCount("GET", "/v1/" + type)));

        JsonNode next = api.backfill("?account=" + account.id() + "&types=payment_intents,charges");

        assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("succeeded");
        for (String type : types) {
            long requests = emulator.requestCount("GET", "/v1/" + type) - requestsBefore.get(type);
            JsonNode before = BackfillApi.type(stopped, type);
            if (before.get("status").asString().equals("succeeded")) {
                assertThat(requests)
                        .as(type + ": completed by the abandoned run, not read again")
                        .isZero();
            } else {
                assertThat(requests)
                        .as(type + ": the pages after the cursor only")
                        .isEqualTo((1_000 - before.get("objects").asLong()) / 100);
            }
        }
        String runId = next.get("runId").asString();
        List<ConsumerRecord<String, byte[]>> records = events.awaitUntil(all -> all.stream()
                        .filter(r -> List.of(first, runId).contains(TopicReader.header(r, StripeEventHeaders.RUN_ID)))
                        .count()
                >= 2_000);
        Map<String, Long> perObject = records.stream()
                .filter(r -> List.of(first, runId).contains(TopicReader.header(r, StripeEventHeaders.RUN_ID)))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perObject)
                .hasSize(2_000)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    /** {@code data.object} of a fetched object's value, as text. */
    static String fetchedObjectText(ConsumerRecord<String, byte[]> record) {
        String value = TopicReader.text(record);
        String marker = ",\"data\":{\"object\":";
        int start = value.indexOf(marker);
        assertThat(start).as(value).isPositive();
        assertThat(value).endsWith("}}");
        return value.substring(start + marker.length(), value.length() - 2);
    }

    /** What Stripe answers to a GET, as text. */
    String raw(String key, String path) throws StripeException {
        StripeClient client = StripeClient.builder()
                .setApiKey(key)
                .setApiBase(emulator.baseUrl())
                .build();
        return client.rawRequest(ApiResource.RequestMethod.GET, path, null)
                .body()
                .strip();
    }

    /** Every object a backfill should publish, read straight from the emulator: by key, as text. */
    private Map<String, String> servedObjects(EmulatedAccount account) throws StripeException {
        Map<String, String> served = new TreeMap<>();
        served.put(account.id(), raw(account.testSecretKey(), "/v1/account"));
        served.put("balance:" + account.id(), raw(account.testSecretKey(), "/v1/balance"));
        for (BackfillType type : BackfillType.all()) {
            if (type.shape() != BackfillType.Shape.LIST || type.catalog()) {
                continue;
            }
            String cursor = null;
            ListedPage page;
            do {
                page = ListedPage.parse(raw(account.testSecretKey(), type.request(100, cursor)), Instant.now());
                for (String object : page.objects()) {
                    served.put(JSON.readTree(object).get("id").asString(), object);
                }
                cursor = page.lastId();
            } while (page.hasMore());
        }
        return served;
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
