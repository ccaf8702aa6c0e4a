package io.paystream.catalog.event;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.catalog.sync.EmulatorConfiguration.TestAccounts;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.StripeEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Product and price events from {@code stripe.events} between full syncs, through a real broker: delivered out of
 * order they never regress a product, deletions archive, price events re-decide whether the product is sellable, and
 * a full sync never overwrites what a newer event wrote. Each test uses products of its own; events of one product
 * share a record key, hence a partition and their order, as the ingest's keys do.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN,
            "paystream.catalog.schedule.enabled=false",
            "paystream.catalog.events.enabled=true",
            "paystream.catalog.events.retry-for=2s",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
        })
public abstract class CatalogEventsContract {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    StripeEmulator emulator;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Environment environment;

    private KafkaProducer<String, byte[]> producer;
    private final long t0 = Instant.now().getEpochSecond();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void productEventsArrivingOutOfOrderNeverRegressTheProduct() {
        String account = "acct_evt" + run;
        String product = "prod_ooo" + run;
        send(
                CatalogEventRecords.product(
                        account, "evt_3" + run, "product.updated", t0 + 20, product, "Newest", true),
                CatalogEventRecords.product(account, "evt_1" + run, "product.created", t0, product, "First", true),
                CatalogEventRecords.product(
                        account, "evt_2" + run, "product.updated", t0 + 10, product, "Middle", true));
        awaitApplied(account, product, "evt_sentinel_a" + run);

        Document stored = product(account, product);
        assertThat(stored.getString(NAME)).isEqualTo("Newest");
        assertThat(stored.getString(LAST_EVENT_ID)).isEqualTo("evt_3" + run);
        assertThat(stored.getBoolean(ARCHIVED)).isFalse();
    }

    @Test
    void aDeletionArchivesAndAnOlderUpdateDeliveredLaterDoesNotBringItBack() {
        String account = "acct_del" + run;
        String product = "prod_del" + run;
        send(
                CatalogEventRecords.product(
                        account, "evt_c" + run, "product.created", t0, product, "Short-lived", true),
                CatalogEventRecords.product(
                        account, "evt_d" + run, "product.deleted", t0 + 30, product, "Short-lived", true),
                CatalogEventRecords.product(account, "evt_u" + run, "product.updated", t0 + 5, product, "Late", true));
        awaitApplied(account, product, "evt_sentinel_b" + run);

        Document stored = product(account, product);
        assertThat(stored.getBoolean(ARCHIVED)).isTrue();
        assertThat(stored.getString(ARCHIVED_REASON)).isEqualTo("deleted");
        assertThat(stored.getDate(ARCHIVED_AT).toInstant()).isEqualTo(Instant.ofEpochSecond(t0 + 30));
        assertThat(stored.getString(NAME)).isEqualTo("Short-lived");
        assertThat(stored.getBoolean(SELLABLE)).isFalse();
    }

    @Test
    void priceEventsDecideWhetherTheProductIsSellableAndOlderOnesAreIgnored() {
        String account = "platform";
        String product = "prod_sell" + run;
        String price = "price_sell" + run;
        send(CatalogEventRecords.product(account, "evt_p" + run, "product.created", t0, product, "Plan", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(sellable(account, product)));
        assertThat(reasonCodes(account, product)).containsExactly("no_active_price");

        send(CatalogEventRecords.price(account, "evt_q" + run, "price.created", t0 + 1, price, product, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(sellable(account, product)));

        send(
                CatalogEventRecords.price(account, "evt_s" + run, "price.updated", t0 + 3, price, product, false),
                CatalogEventRecords.price(account, "evt_r" + run, "price.updated", t0 + 2, price, product, true));
        awaitApplied(account, product, "evt_sentinel_c" + run);

        assertThat(sellable(account, product)).isFalse();
        assertThat(database.getCollection(PRICES)
                        .find(Filters.eq(ID, id(account, price)))
                        .first()
                        .getString(LAST_EVENT_ID))
                .isEqualTo("evt_s" + run);
        JsonNode listed = CatalogApiClient.json(
                new CatalogApiClient(port).get("/api/catalog/products?account=platform&sellable=false&limit=100"));
        assertThat(listed.get("data").findValuesAsString("id")).contains(product);
    }

    @Test
    void aFullSyncNeverOverwritesWhatANewerEventWroteAndOlderEventsNeverOverwriteTheSync() {
        EmulatedAccount account = accounts.create();
        emulator.seedCatalog(account.id(), false, 3, 1);
        CatalogApiClient api = new CatalogApiClient(port);
        assertThat(api.sync(account.id()).get("status").asString()).isEqualTo("succeeded");
        String product =
                api.allProducts("account=" + account.id()).get(0).get("id").asString();
        long future = Instant.now().getEpochSecond() + 3600;
        send(
                CatalogEventRecords.product(
                        account.id(), "evt_old" + run, "product.updated", t0 - 3600, product, "Stale", true),
                CatalogEventRecords.product(
                        account.id(), "evt_new" + run, "product.updated", future, product, "From event", true));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "From event".equals(product(account.id(), product).getString(NAME)));

        JsonNode resync = api.sync(account.id());

        assertThat(resync.get("status").asString()).isEqualTo("succeeded");
        assertThat(resync.get("counts").get("staleSkipped").asLong()).isEqualTo(1);
        assertThat(resync.get("counts").get("productsArchived").asLong()).isZero();
        Document stored = product(account.id(), product);
        assertThat(stored.getString(NAME)).isEqualTo("From event");
        assertThat(stored.getBoolean(ARCHIVED)).isFalse();
        assertThat(stored.getString(SEEN_IN_RUN)).isEqualTo(resync.get("runId").asString());
    }

    @Test
    void anUnreadableEventIsSkippedAndTheEventsBehindItAreStillApplied() {
        String account = "acct_bad" + run;
        String product = "prod_bad" + run;
        send(
                CatalogEventRecords.unreadable(account, "evt_x" + run, "product.updated", product),
                CatalogEventRecords.product(account, "evt_y" + run, "product.created", t0, product, "Fine", true));

        await().atMost(Duration.ofSeconds(30)).until(() -> product(account, product) != null);
        assertThat(product(account, product).getString(NAME)).isEqualTo("Fine");
        assertThat(new CatalogApiClient(port).get("/actuator/prometheus").body())
                .contains("paystream_catalog_events_total{")
                .contains("outcome=\"failed\"");
    }

    @Test
    void theDelayFromIngestReceiptToStateWrittenIsAPercentileHistogram() {
        String account = "acct_lag" + run;
        String product = "prod_lag" + run;
        send(CatalogEventRecords.product(account, "evt_lag" + run, "product.created", t0, product, "Lag", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> product(account, product) != null);

        // the delay is recorded once the batch's verdicts are re-evaluated too, a moment after the product is stored
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        new CatalogApiClient(port).get("/actuator/prometheus").body())
                .contains("paystream_catalog_pipeline_latency_seconds_bucket{")
                .contains("paystream_catalog_pipeline_latency_seconds_count{"));
    }

    /**
     * Sends a last event on the same key and waits for it: the records before it on that partition were consumed by
     * then, whatever they did.
     */
    /**
     * Waits until everything sent before is applied, verdicts included. A sentinel price on the product's key is behind
     * those records, but it may share their polled batch, and a batch's prices are stored before its verdicts are
     * re-evaluated; so a second sentinel is sent only once the first is stored. That one cannot be in the same batch,
     * and the batches of a partition are applied one after the other.
     */
    private void awaitApplied(String account, String product, String sentinelEventId) {
        for (String sentinel : List.of(sentinelEventId, sentinelEventId + "_next")) {
            String sentinelPrice = "price_" + sentinel;
            send(CatalogEventRecords.price(account, sentinel, "price.created", t0, sentinelPrice, product, false));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> database.getCollection(PRICES)
                                    .find(Filters.eq(ID, id(account, sentinelPrice)))
                                    .first()
                            != null);
        }
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) {
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Document product(String account, String product) {
        return database.getCollection(PRODUCTS)
                .find(Filters.eq(ID, id(account, product)))
                .first();
    }

    private Boolean sellable(String account, String product) {
        Document stored = product(account, product);
        return stored == null ? null : stored.getBoolean(SELLABLE);
    }

    private List<String> reasonCodes(String account, String product) {
        return product(account, product).getList(REASONS, Document.class).stream()
                .map(r -> r.getString(CODE))
                .toList();
    }

    private static String id(String account, String stripeId) {
        return io.paystream.catalog.product.CatalogDocuments.id(account, false, stripeId);
    }
}
