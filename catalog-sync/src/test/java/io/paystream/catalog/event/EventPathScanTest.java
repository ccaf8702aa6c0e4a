package io.paystream.catalog.event;

import static io.paystream.catalog.event.CatalogEventRecords.price;
import static io.paystream.catalog.event.CatalogEventRecords.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.paystream.catalog.product.CatalogDocuments;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogStore;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The event path reads no catalog collection whole: on a catalog of a few thousand products and prices, a batch of
 * every kind of product and price event (new objects, updates, deletions, stale and repeated events, price changes
 * that change a verdict) is answered from indexes alone. Fails when a query of the path, its reads, its conditional
 * writes or the sellable re-check, stops matching an index (on the embedded server, which logs every collection scan;
 * a real MongoDB uses the same indexes).
 */
class EventPathScanTest {

    private static final String ACCOUNT = "platform";
    private static final int PRODUCTS = 2_000;

    @Test
    void aBatchOfProductAndPriceEventsScansNoCatalogCollection() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(server.connectionString("paystream"))) {
            MongoDatabase database = client.getDatabase("paystream");
            EventPath path = new EventPath(database, Clock.systemUTC());
            long t0 = Instant.now().getEpochSecond();
            seed(database, Instant.ofEpochSecond(t0 - 3600));
            server.clearCollectionScans();

            path.deliver(
                    product(ACCOUNT, "evt_new", "product.created", t0, "prod_new", "New", true),
                    price(ACCOUNT, "evt_newp", "price.created", t0, "price_new", "prod_new", true),
                    product(ACCOUNT, "evt_u1", "product.updated", t0, "prod_0000001", "Renamed", true),
                    product(ACCOUNT, "evt_u0", "product.updated", t0 - 10, "prod_0000001", "Older", true),
                    price(ACCOUNT, "evt_p1", "price.updated", t0, "price_0000002_0", "prod_0000002", false),
                    price(ACCOUNT, "evt_p2", "price.updated", t0, "price_0000002_1", "prod_0000002", false),
                    price(ACCOUNT, "evt_p3", "price.updated", t0, "price_0000002_2", "prod_0000002", false),
                    product(ACCOUNT, "evt_d", "product.deleted", t0, "prod_0000003", "Gone", true),
                    price(ACCOUNT, "evt_pd", "price.deleted", t0, "price_0000004_0", "prod_0000004", true));
            path.deliver(
                    product(ACCOUNT, "evt_u1", "product.updated", t0, "prod_0000001", "Renamed", true),
                    product(ACCOUNT, "evt_r", "product.updated", t0 + 1, "prod_0000003", "Back", true));

            assertThat(path.events("price.updated", "applied")).isEqualTo(3);
            assertThat(path.events("product.updated", "stale")).isEqualTo(2);
            assertThat(database.getCollection(CatalogDocuments.PRODUCTS)
                            .find(new Document(
                                    CatalogDocuments.ID, CatalogDocuments.id(ACCOUNT, false, "prod_0000002")))
                            .first()
                            .getBoolean(CatalogDocuments.SELLABLE))
                    .isFalse();
            assertThat(server.collectionScans())
                    .filteredOn(scan -> scan.namespace().startsWith("paystream.catalog_"))
                    .isEmpty();
        }
    }

    /** The catalog a full sync leaves: {@value #PRODUCTS} products with three prices each, verdicts stored. */
    private static void seed(MongoDatabase database, Instant listedAt) {
        CatalogWriter writer = CatalogStore.writer(database, Clock.systemUTC());
        for (int from = 0; from < PRODUCTS; from += 500) {
            List<CatalogObject> products = new ArrayList<>();
            List<CatalogObject> prices = new ArrayList<>();
            for (int i = from; i < from + 500; i++) {
                String productId = "prod_%07d".formatted(i);
                products.add(new CatalogObject(
                        CatalogObject.Kind.PRODUCT,
                        productId,
                        productId,
                        new Document(CatalogDocuments.NAME, "Product " + i).append(CatalogDocuments.ACTIVE, true),
                        listedAt));
                for (int p = 0; p < 3; p++) {
                    prices.add(new CatalogObject(
                            CatalogObject.Kind.PRICE,
                            "price_%07d_%d".formatted(i, p),
                            productId,
                            new Document(CatalogDocuments.PRODUCT, productId)
                                    .append(CatalogDocuments.ACTIVE, true)
                                    .append(CatalogDocuments.CURRENCY, "usd")
                                    .append(CatalogDocuments.TYPE, "one_time"),
                            null));
                }
            }
            writer.writeListed(ACCOUNT, false, "seed", products, listedAt);
            writer.writeListed(ACCOUNT, false, "seed", prices, listedAt);
        }
        CatalogStore.validation(database).validateAll(ACCOUNT, false);
    }
}
