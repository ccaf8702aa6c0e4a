package io.paystream.emulator;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** {@code /v1/prices}: list, create (with a new product from {@code product_data}), retrieve and update. */
final class PricesApi {

    private static final Set<String> PRICE_LIST = Set.of(
            "active",
            "created",
            "currency",
            "ending_before",
            "limit",
            "lookup_keys",
            "product",
            "recurring",
            "starting_after",
            "type");
    private static final Set<String> PRICE_CREATE = Set.of(
            "active",
            "billing_scheme",
            "currency",
            "currency_options",
            "lookup_key",
            "metadata",
            "nickname",
            "product",
            "product_data",
            "recurring",
            "tax_behavior",
            "transfer_lookup_key",
            "unit_amount",
            "unit_amount_decimal");
    private static final Set<String> PRICE_UPDATE = Set.of(
            "active", "currency_options", "lookup_key", "metadata", "nickname", "tax_behavior", "transfer_lookup_key");

    private final Store store;
    private final Catalog catalog;

    PricesApi(Store store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    void register(Router router) {
        router.on("GET", "/v1/prices", PRICE_LIST, (call, path) -> listPrices(call))
                .on("POST", "/v1/prices", PRICE_CREATE, (call, path) -> createPrice(call))
                .on(
                        "GET",
                        "/v1/prices/{id}",
                        Set.of(),
                        (call, path) -> renderPrice(call, price(call, path.get(0)), "product"))
                .on("POST", "/v1/prices/{id}", PRICE_UPDATE, (call, path) -> updatePrice(call, path.get(0)));
    }

    private JsonMap listPrices(Call call) {
        Params params = call.params;
        Boolean active = params.bool("active");
        String currency = params.has("currency") ? PriceDraft.currency(params, "currency") : null;
        String type = params.string("type");
        if (type != null && !type.equals("one_time") && !type.equals("recurring")) {
            throw ApiError.invalid("Invalid type: must be one of one_time or recurring", "type");
        }
        List<String> lookupKeys = params.strings("lookup_keys");
        String interval = params.child("recurring").string("interval");
        Predicate<Listed> created = CreatedFilter.of(params);
        Predicate<Price> filter = price -> (active == null || price.active == active)
                && (currency == null || currency.equals(price.currency))
                && (type == null || type.equals(price.type()))
                && (lookupKeys == null || lookupKeys.contains(price.lookupKey))
                && (interval == null || (price.recurring != null && interval.equals(price.recurring.interval())))
                && created.test(price);
        String product = params.nullableString("product");
        SortedIndex<Price> index =
                product == null ? call.data().prices : call.data().pricesOf(product);
        return ListPage.of(
                index, params, filter, "/v1/prices", "price", price -> renderPrice(call, price, "data.product"));
    }

    private JsonMap createPrice(Call call) {
        Params params = call.params;
        AccountData data = call.data();
        String productId = params.nullableString("product");
        Params productData = params.child("product_data");
        if (productId == null && productData.isEmpty()) {
            throw ApiError.missingParam("product");
        }
        if (productId != null && data.products.get(productId) == null) {
            throw ApiError.noSuchParam("product", productId, "product");
        }
        PriceDraft draft = PriceDraft.parse(params);
        String lookupKey = params.nullableString("lookup_key");
        checkLookupKey(data, lookupKey, null);
        Product created = null;
        if (productId == null) {
            created = catalog.newProduct(data, call.livemode(), null, productData.requiredString("name"), store.now());
            productId = created.id();
        }
        Price price = catalog.newPrice(data, call.livemode(), productId, draft, store.now());
        applyPriceFields(price, params);
        if (created != null) {
            call.record("product.created", created.render());
        }
        call.record("price.created", price.render());
        return renderPrice(call, price, "product");
    }

    private JsonMap updatePrice(Call call, String id) {
        Price price = price(call, id);
        Params params = call.params;
        JsonMap before = price.render();
        if (params.has("lookup_key")) {
            checkLookupKey(call.data(), params.nullableString("lookup_key"), price);
        }
        applyPriceFields(price, params);
        call.recordChange("price.updated", before, price.render());
        return renderPrice(call, price, "product");
    }

    private static void applyPriceFields(Price price, Params params) {
        Boolean active = params.bool("active");
        if (active != null) {
            price.active = active;
        }
        if (params.has("nickname")) {
            price.nickname = params.nullableString("nickname");
        }
        if (params.has("lookup_key")) {
            price.lookupKey = params.nullableString("lookup_key");
        }
        if (params.has("tax_behavior")) {
            price.taxBehavior = PriceDraft.taxBehavior(params);
        }
        price.metadata = params.mergeMetadata(price.metadata);
    }

    private static void checkLookupKey(AccountData data, @Nullable String lookupKey, @Nullable Price self) {
        if (lookupKey == null) {
            return;
        }
        for (Price other : data.prices.all()) {
            if (other != self && lookupKey.equals(other.lookupKey)) {
                throw ApiError.invalid("A price (`" + other.id() + "`) already uses that lookup key.", "lookup_key");
            }
        }
    }

    private static Price price(Call call, String id) {
        return ApiError.found(call.data().prices.get(id), "price", id);
    }

    private JsonMap renderPrice(Call call, Price price, String expandField) {
        JsonMap json = price.render();
        if (call.expands(expandField)) {
            Product product = call.data().products.get(price.product);
            if (product != null) {
                json.put("product", product.render());
            }
        }
        return json;
    }
}
