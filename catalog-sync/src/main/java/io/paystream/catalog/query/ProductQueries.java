package io.paystream.catalog.query;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads products with their prices: one query for the page, one for the page's prices. */
@Component
class ProductQueries {

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> prices;

    ProductQueries(MongoDatabase database) {
        this.products = database.getCollection(PRODUCTS);
        this.prices = database.getCollection(PRICES);
    }

    /** The filters of a list; {@code null} means "any". */
    record Filter(
            @Nullable String account,
            boolean livemode,
            @Nullable Boolean active,
            @Nullable Boolean sellable,
            boolean archived) {

        /** Canonical text of the filters, which a cursor is bound to. */
        String scope() {
            return "products|" + account + '|' + livemode + '|' + active + '|' + sellable + '|' + archived;
        }

        Bson toBson() {
            List<Bson> parts = new ArrayList<>();
            parts.add(Filters.eq(LIVEMODE, livemode));
            parts.add(Filters.eq(ARCHIVED, archived));
            if (account != null) {
                parts.add(Filters.eq(ACCOUNT, account));
            }
            if (active != null) {
                parts.add(Filters.eq(ACTIVE, active));
            }
            if (sellable != null) {
                parts.add(Filters.eq(SELLABLE, sellable));
            }
            return Filters.and(parts);
        }
    }

    /** @param cursor the previous page's {@code nextCursor}; null or empty for the first page */
    ProductPage list(Filter filter, int limit, @Nullable String cursor) {
        Bson query = filter.toBson();
        if (cursor != null && !cursor.isEmpty()) {
            query = Filters.and(query, Filters.gt(ID, ProductCursor.decode(filter.scope(), cursor)));
        }
        List<Document> found =
                products.find(query).sort(Sorts.ascending(ID)).limit(limit + 1).into(new ArrayList<>());
        boolean hasMore = found.size() > limit;
        List<Document> page = hasMore ? found.subList(0, limit) : found;
        Map<String, List<ProductView.PriceView>> pricesByProduct = pricesOf(filter.livemode(), page);
        List<ProductView> views = page.stream()
                .map(p -> view(
                        p,
                        pricesByProduct.getOrDefault(
                                priceKey(p.getString(ACCOUNT), p.getString(STRIPE_ID)), List.of())))
                .toList();
        String next = hasMore
                ? ProductCursor.encode(filter.scope(), page.get(page.size() - 1).getString(ID))
                : null;
        return new ProductPage(views, hasMore, next);
    }

    private Map<String, List<ProductView.PriceView>> pricesOf(boolean livemode, List<Document> page) {
        Map<String, List<ProductView.PriceView>> byProduct = new LinkedHashMap<>();
        if (page.isEmpty()) {
            return byProduct;
        }
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> productIds = new LinkedHashSet<>();
        page.forEach(p -> {
            accounts.add(p.getString(ACCOUNT));
            productIds.add(p.getString(STRIPE_ID));
        });
        Bson query = Filters.and(
                Filters.eq(LIVEMODE, livemode),
                Filters.eq(ARCHIVED, false),
                Filters.in(ACCOUNT, accounts),
                Filters.in(PRODUCT, productIds));
        for (Document price : prices.find(query).sort(Sorts.ascending(STRIPE_ID))) {
            byProduct
                    .computeIfAbsent(
                            priceKey(price.getString(ACCOUNT), price.getString(PRODUCT)), k -> new ArrayList<>())
                    .add(priceView(price));
        }
        return byProduct;
    }

    private static String priceKey(String account, String productId) {
        return account + '|' + productId;
    }

    private static ProductView view(Document p, List<ProductView.PriceView> prices) {
        List<ProductView.ReasonView> reasons = p.getList(REASONS, Document.class, List.of()).stream()
                .map(r -> new ProductView.ReasonView(r.getString(CODE), r.getString(MESSAGE)))
                .toList();
        Document metadata = p.get(METADATA, Document.class);
        return new ProductView(
                p.getString(STRIPE_ID),
                p.getString(ACCOUNT),
                Boolean.TRUE.equals(p.getBoolean(LIVEMODE)),
                p.getString(NAME),
                p.getString(DESCRIPTION),
                Boolean.TRUE.equals(p.getBoolean(ACTIVE)),
                p.getBoolean(SELLABLE),
                reasons,
                p.getString(DEFAULT_PRICE),
                metadata == null ? Map.of() : metadata,
                instant(p, CREATED),
                instant(p, UPDATED),
                Boolean.TRUE.equals(p.getBoolean(ARCHIVED)),
                instant(p, ARCHIVED_AT),
                p.getString(ARCHIVED_REASON),
                prices);
    }

    private static ProductView.PriceView priceView(Document price) {
        Document recurring = price.get(RECURRING, Document.class);
        return new ProductView.PriceView(
                price.getString(STRIPE_ID),
                Boolean.TRUE.equals(price.getBoolean(ACTIVE)),
                price.getString(CURRENCY),
                number(price.get(UNIT_AMOUNT, Number.class)),
                price.getString(TYPE),
                recurring == null
                        ? null
                        : new ProductView.Recurring(
                                recurring.getString(INTERVAL),
                                number(recurring.get(INTERVAL_COUNT, Number.class)),
                                recurring.getString(USAGE_TYPE)),
                price.getString(NICKNAME),
                price.getString(LOOKUP_KEY),
                instant(price, CREATED));
    }

    private static @Nullable Long number(@Nullable Number value) {
        return value == null ? null : value.longValue();
    }

    private static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
