package io.paystream.catalog.event;

import static io.paystream.catalog.event.CatalogEventRecords.price;
import static io.paystream.catalog.event.CatalogEventRecords.product;
import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.events.StripeEventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch event path against a MongoDB, its listener handed polled batches directly: the order rule and every
 * outcome inside one batch and across batches, a product's and its prices' events in one batch ending in the right
 * verdict, an unreadable event in the middle of a batch. Each test uses objects of its own.
 */
abstract class CatalogEventBatchContract {

    /** Ten seconds ahead of the records' ingest receipt, so each applied event's latency is at least that. */
    private static final Duration CLOCK_AHEAD = Duration.ofSeconds(10);

    private final long t0 = Instant.now().getEpochSecond();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private MongoClient client;
    private MongoDatabase database;
    private EventPath path;

    /** A connection string naming the database. */
    abstract String mongoUri();

    @BeforeEach
    void connect() {
        client = MongoClients.create(mongoUri());
        database = client.getDatabase("paystream");
        path = new EventPath(database, Clock.offset(Clock.systemUTC(), CLOCK_AHEAD));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void inOneBatchEachObjectsEventsFollowTheOrderRuleInRecordOrder() {
        String account = "acct_one" + run;
        String kept = "prod_kept" + run;
        String deleted = "prod_gone" + run;

        path.deliver(
                product(account, "evt_1" + run, "product.created", t0, kept, "First", true),
                product(account, "evt_d1" + run, "product.created", t0, deleted, "Short-lived", true),
                product(account, "evt_3" + run, "product.updated", t0 + 20, kept, "Newest", true),
                product(account, "evt_d2" + run, "product.deleted", t0 + 30, deleted, null, true),
                product(account, "evt_2" + run, "product.updated", t0 + 10, kept, "Middle", true),
                product(account, "evt_3" + run, "product.updated", t0 + 20, kept, "Newest", true),
                product(account, "evt_d3" + run, "product.updated", t0 + 5, deleted, "Late", true));

        Document stored = stored(account, kept);
        assertThat(stored.getString(NAME)).isEqualTo("Newest");
        assertThat(stored.getString(LAST_EVENT_ID)).isEqualTo("evt_3" + run);
        assertThat(stored.getBoolean(ARCHIVED)).isFalse();
        Document archived = stored(account, deleted);
        assertThat(archived.getBoolean(ARCHIVED)).isTrue();
        assertThat(archived.getString(ARCHIVED_REASON)).isEqualTo("deleted");
        assertThat(archived.getDate(ARCHIVED_AT).toInstant()).isEqualTo(Instant.ofEpochSecond(t0 + 30));
        assertThat(archived.getString(NAME))
                .as("a deletion's stub keeps what was known")
                .isEqualTo("Short-lived");
        assertThat(archived.getBoolean(SELLABLE)).isFalse();
        assertThat(path.events("product.created", "applied")).isEqualTo(2);
        assertThat(path.events("product.updated", "applied")).isEqualTo(1);
        assertThat(path.events("product.deleted", "applied")).isEqualTo(1);
        assertThat(path.events("product.updated", "stale"))
                .as("an older update, the same event twice, an update older than the deletion")
                .isEqualTo(3);
        assertThat(path.objects("product", "upserted")).isEqualTo(3);
        assertThat(path.objects("product", "archived")).isEqualTo(1);
        assertThat(path.objects("product", "stale")).isEqualTo(3);
    }

    @Test
    void acrossBatchesTheSameRuleHoldsAndANewerUpdateRestoresADeletedProduct() {
        String account = "acct_across" + run;
        String id = "prod_across" + run;
        path.deliver(
                product(account, "evt_c" + run, "product.created", t0, id, "First", true),
                product(account, "evt_d" + run, "product.deleted", t0 + 30, id, "First", true));

        path.deliver(
                product(account, "evt_u" + run, "product.updated", t0 + 5, id, "Late", true),
                product(account, "evt_d" + run, "product.deleted", t0 + 30, id, "First", true));

        assertThat(stored(account, id).getBoolean(ARCHIVED)).isTrue();
        assertThat(stored(account, id).getString(NAME)).isEqualTo("First");
        assertThat(path.events("product.updated", "stale")).isEqualTo(1);
        assertThat(path.events("product.deleted", "stale"))
                .as("the deletion again")
                .isEqualTo(1);

        path.deliver(product(account, "evt_n" + run, "product.updated", t0 + 40, id, "Back", true));

        Document restored = stored(account, id);
        assertThat(restored.getBoolean(ARCHIVED)).isFalse();
        assertThat(restored.getString(NAME)).isEqualTo("Back");
        assertThat(restored).doesNotContainKeys(ARCHIVED_AT, ARCHIVED_REASON);
        assertThat(path.events("product.updated", "applied")).isEqualTo(1);
        assertThat(path.objects("product", "archived")).isEqualTo(1);
    }

    @Test
    void aProductsAndItsPricesEventsInOneBatchEndInTheVerdictOfTheirLastState() {
        String account = "platform";
        String withdrawn = "prod_withdrawn" + run;
        String sellable = "prod_sellable" + run;
        String inactive = "prod_inactive" + run;

        path.deliver(
                product(account, "evt_w1" + run, "product.created", t0, withdrawn, "Withdrawn", true),
                product(account, "evt_s1" + run, "product.created", t0, sellable, "Sellable", true),
                price(account, "evt_w2" + run, "price.created", t0 + 1, "price_w" + run, withdrawn, true),
                product(account, "evt_i1" + run, "product.created", t0, inactive, "Inactive", true),
                price(account, "evt_s2" + run, "price.created", t0 + 1, "price_s" + run, sellable, true),
                price(account, "evt_w3" + run, "price.updated", t0 + 2, "price_w" + run, withdrawn, false),
                price(account, "evt_i2" + run, "price.created", t0 + 1, "price_i" + run, inactive, true),
                product(account, "evt_i3" + run, "product.updated", t0 + 3, inactive, "Inactive", false));

        assertThat(reasonCodes(account, withdrawn)).containsExactly("no_active_price");
        assertThat(stored(account, withdrawn).getBoolean(SELLABLE)).isFalse();
        assertThat(stored(account, sellable).getBoolean(SELLABLE)).isTrue();
        assertThat(reasonCodes(account, sellable)).isEmpty();
        assertThat(reasonCodes(account, inactive)).containsExactly("product_inactive");

        path.deliver(price(account, "evt_w4" + run, "price.updated", t0 + 4, "price_w" + run, withdrawn, true));

        assertThat(stored(account, withdrawn).getBoolean(SELLABLE)).isTrue();
        assertThat(path.events("price.updated", "applied")).isEqualTo(2);
    }

    @Test
    void anUnreadableEventInTheMiddleOfABatchIsSkippedAndCountedAndTheRestApplied() {
        String account = "acct_bad" + run;
        String id = "prod_bad" + run;

        path.deliver(
                product(account, "evt_ok1" + run, "product.created", t0, id, "Fine", true),
                CatalogEventRecords.unreadable(account, "evt_x" + run, "price.updated", id),
                CatalogEventRecords.withoutHeader(
                        price(account, "evt_y" + run, "price.created", t0, "price_nomode" + run, id, true),
                        StripeEventHeaders.LIVEMODE),
                CatalogEventRecords.otherType("evt_pi" + run, "payment_intent.succeeded", "pi_" + run),
                price(account, "evt_ok2" + run, "price.created", t0 + 1, "price_ok" + run, id, true));

        assertThat(stored(account, id).getBoolean(SELLABLE)).isTrue();
        assertThat(database.getCollection(PRICES)
                        .find(Filters.eq(ID, id(account, "price_nomode" + run)))
                        .first())
                .isNull();
        assertThat(path.events("price.updated", "failed")).isEqualTo(1);
        assertThat(path.events("price.created", "failed"))
                .as("malformed headers")
                .isEqualTo(1);
        assertThat(path.events("price.created", "applied")).isEqualTo(1);
        assertThat(path.events("payment_intent.succeeded", "failed"))
                .as("other types are passed over on their header")
                .isZero();
    }

    @Test
    void eachAppliedEventReportsItsDelayFromIngestReceiptToItsStateWritten() {
        String account = "acct_lag" + run;
        String id = "prod_lag" + run;

        path.deliver(
                product(account, "evt_l1" + run, "product.created", t0, id, "Lag", true),
                product(account, "evt_l0" + run, "product.updated", t0 - 5, id, "Older", true),
                price(account, "evt_l2" + run, "price.created", t0, "price_lag" + run, id, true));

        assertThat(path.pipelineLatency().count()).as("applied events only").isEqualTo(2);
        assertThat(path.pipelineLatency().max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(CLOCK_AHEAD.toSeconds());
    }

    private Document stored(String account, String productId) {
        return database.getCollection(PRODUCTS)
                .find(Filters.eq(ID, id(account, productId)))
                .first();
    }

    private List<String> reasonCodes(String account, String productId) {
        return stored(account, productId).getList(REASONS, Document.class).stream()
                .map(reason -> reason.getString(CODE))
                .toList();
    }

    private static String id(String account, String stripeId) {
        return io.paystream.catalog.product.CatalogDocuments.id(account, false, stripeId);
    }
}
