package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.CatalogProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stores {@link SellableCheck}'s verdict on products: for the products a batch of events touched (or whose prices it
 * touched), and for a whole catalog after a complete listing. The whole-catalog pass walks products by id and prices
 * by product side by side (two sorted cursors, a merge join), so memory stays flat and MongoDB answers two queries
 * instead of one per product; only verdicts that changed are written.
 */
@Component
public class SellableValidation {

    private static final Bson PRODUCT_FIELDS = Projections.include(STRIPE_ID, NAME, ACTIVE, SELLABLE, REASONS);
    private static final Bson PRODUCT_FIELDS_WITH_ARCHIVED =
            Projections.include(STRIPE_ID, NAME, ACTIVE, SELLABLE, REASONS, ARCHIVED);
    private static final Bson PRICE_FIELDS = Projections.include(STRIPE_ID, PRODUCT, ACTIVE, CURRENCY, TYPE, RECURRING);
    private static final Bson PRICE_FIELDS_WITH_ARCHIVED =
            Projections.include(STRIPE_ID, PRODUCT, ACTIVE, CURRENCY, TYPE, RECURRING, ARCHIVED);

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> prices;
    private final int batchSize;

    SellableValidation(MongoDatabase database, CatalogProperties properties) {
        this.products = database.getCollection(PRODUCTS);
        this.prices = database.getCollection(PRICES);
        this.batchSize = properties.batchSize();
    }

    /** @return how many of the account's existing products are not sellable */
    public long validateAll(String account, boolean livemode) {
        Bson existing = existing(account, livemode);
        long invalid = 0;
        List<WriteModel<Document>> writes = new ArrayList<>();
        try (MongoCursor<Document> productCursor = products.find(existing)
                        .projection(PRODUCT_FIELDS)
                        .sort(Sorts.ascending(STRIPE_ID))
                        .batchSize(batchSize)
                        .iterator();
                MongoCursor<Document> priceCursor = prices.find(existing)
                        .projection(PRICE_FIELDS)
                        .sort(Sorts.ascending(PRODUCT, STRIPE_ID))
                        .batchSize(batchSize)
                        .iterator()) {
            Document price = next(priceCursor);
            while (productCursor.hasNext()) {
                Document product = productCursor.next();
                String productId = product.getString(STRIPE_ID);
                List<Document> own = new ArrayList<>();
                while (price != null && compare(price.getString(PRODUCT), productId) <= 0) {
                    if (productId.equals(price.getString(PRODUCT))) {
                        own.add(price);
                    }
                    price = next(priceCursor);
                }
                SellableCheck.Verdict verdict = SellableCheck.evaluate(product, own);
                invalid += verdict.sellable() ? 0 : 1;
                if (!verdict.isStoredIn(product)) {
                    writes.add(new UpdateOneModel<>(Filters.eq(ID, product.get(ID)), set(verdict)));
                }
                if (writes.size() >= batchSize) {
                    flush(writes);
                }
            }
        }
        flush(writes);
        return invalid;
    }

    /** A product of an account and mode, by its Stripe id. */
    public record ProductRef(String account, boolean livemode, String productId) {

        String documentId() {
            return CatalogDocuments.id(account, livemode, productId);
        }
    }

    /**
     * Re-evaluates products after events touched them or their prices; nothing for unknown or archived ones. Three
     * round trips whatever their number: the products by {@code _id}, their prices by the prices index's prefix
     * {@code (account, livemode, product)} (one query per account and mode, in practice one), the changed verdicts
     * in one bulk write. {@code archived: false} is checked on the prices read rather than queried, so the query is
     * exactly the index's equality prefix.
     */
    public void revalidate(Collection<ProductRef> touched) {
        Map<String, ProductRef> refs = new LinkedHashMap<>();
        touched.forEach(ref -> refs.putIfAbsent(ref.documentId(), ref));
        if (refs.isEmpty()) {
            return;
        }
        Map<String, Document> existing = new LinkedHashMap<>();
        for (Document product : products.find(Filters.in(ID, refs.keySet())).projection(PRODUCT_FIELDS_WITH_ARCHIVED)) {
            if (!Boolean.TRUE.equals(product.getBoolean(ARCHIVED))) {
                existing.put(product.getString(ID), product);
            }
        }
        Map<String, List<Document>> ownPrices =
                pricesOf(existing.keySet().stream().map(refs::get).toList());
        List<WriteModel<Document>> writes = new ArrayList<>();
        existing.forEach((id, product) -> {
            SellableCheck.Verdict verdict = SellableCheck.evaluate(product, ownPrices.getOrDefault(id, List.of()));
            if (!verdict.isStoredIn(product)) {
                writes.add(new UpdateOneModel<>(Filters.eq(ID, id), set(verdict)));
            }
        });
        flush(writes);
    }

    /** The existing prices of these products, by the product's document id. */
    private Map<String, List<Document>> pricesOf(Collection<ProductRef> refs) {
        Map<Target, List<String>> productIds = new LinkedHashMap<>();
        refs.forEach(ref -> productIds
                .computeIfAbsent(new Target(ref.account(), ref.livemode()), target -> new ArrayList<>())
                .add(ref.productId()));
        Map<String, List<Document>> byProduct = new HashMap<>();
        productIds.forEach((target, ids) -> {
            Document query = new Document(ACCOUNT, target.account())
                    .append(LIVEMODE, target.livemode())
                    .append(PRODUCT, new Document("$in", ids));
            for (Document price : prices.find(query).projection(PRICE_FIELDS_WITH_ARCHIVED)) {
                if (Boolean.FALSE.equals(price.getBoolean(ARCHIVED))) {
                    String productId =
                            CatalogDocuments.id(target.account(), target.livemode(), price.getString(PRODUCT));
                    byProduct
                            .computeIfAbsent(productId, id -> new ArrayList<>())
                            .add(price);
                }
            }
        });
        return byProduct;
    }

    private record Target(String account, boolean livemode) {}

    private static Bson existing(String account, boolean livemode) {
        return Filters.and(Filters.eq(ACCOUNT, account), Filters.eq(LIVEMODE, livemode), Filters.eq(ARCHIVED, false));
    }

    private static Bson set(SellableCheck.Verdict verdict) {
        return Updates.combine(
                Updates.set(SELLABLE, verdict.sellable()), Updates.set(REASONS, verdict.reasonDocuments()));
    }

    /** MongoDB orders strings by their UTF-8 bytes; Stripe ids are ASCII, where that is Java's order too. */
    private static int compare(@Nullable String priceProduct, String productId) {
        return priceProduct == null ? -1 : priceProduct.compareTo(productId);
    }

    /** The next document; null once the cursor is used up, which ends the merge join. */
    private static @Nullable Document next(MongoCursor<Document> cursor) {
        return cursor.hasNext() ? cursor.next() : null;
    }

    private void flush(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            products.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            writes.clear();
        }
    }
}
