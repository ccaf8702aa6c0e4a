package io.paystream.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /v1/products} and {@code /v1/prices}, plus the silent seeding and removal tests use. */
final class CatalogApi {

    private static final Set<String> PRODUCT_LIST =
            Set.of("active", "created", "ending_before", "ids", "limit", "shippable", "starting_after", "url");
    private static final Set<String> PRODUCT_FIELDS = Set.of(
            "active",
            "description",
            "images",
            "marketing_features",
            "metadata",
            "name",
            "package_dimensions",
            "shippable",
            "statement_descriptor",
            "tax_code",
            "unit_label",
            "url");
    private static final Set<String> PRODUCT_CREATE = Router.union(PRODUCT_FIELDS, Set.of("id", "default_price_data"));
    private static final Set<String> PRODUCT_UPDATE = Router.union(PRODUCT_FIELDS, Set.of("default_price"));
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

    CatalogApi(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.on("GET", "/v1/products", PRODUCT_LIST, (call, path) -> listProducts(call))
                .on("POST", "/v1/products", PRODUCT_CREATE, (call, path) -> createProduct(call))
                .on(
                        "GET",
                        "/v1/products/{id}",
                        Set.of(),
                        (call, path) -> renderProduct(call, product(call, path.get(0))))
                .on("POST", "/v1/products/{id}", PRODUCT_UPDATE, (call, path) -> updateProduct(call, path.get(0)))
                .on("DELETE", "/v1/products/{id}", Set.of(), (call, path) -> deleteProduct(call, path.get(0)))
                .on("GET", "/v1/prices", PRICE_LIST, (call, path) -> listPrices(call))
                .on("POST", "/v1/prices", PRICE_CREATE, (call, path) -> createPrice(call))
                .on(
                        "GET",
                        "/v1/prices/{id}",
                        Set.of(),
                        (call, path) -> renderPrice(call, price(call, path.get(0)), "product"))
                .on("POST", "/v1/prices/{id}", PRICE_UPDATE, (call, path) -> updatePrice(call, path.get(0)));
    }

    // ---- products

    private JsonMap listProducts(Call call) {
        Params params = call.params;
        Boolean active = params.bool("active");
        Boolean shippable = params.bool("shippable");
        List<String> ids = params.strings("ids");
        String url = params.string("url");
        Predicate<Listed> created = CreatedFilter.of(params);
        Predicate<Product> filter = product -> (active == null || product.active == active)
                && (shippable == null || shippable.equals(product.shippable))
                && (ids == null || ids.contains(product.id()))
                && (url == null || url.equals(product.url))
                && created.test(product);
        return ListPage.of(
                call.data().products,
                params,
                filter,
                "/v1/products",
                "product",
                product -> renderProduct(call, product, "data.default_price"));
    }

    private JsonMap createProduct(Call call) {
        Params params = call.params;
        AccountData data = call.data();
        String name = params.requiredString("name");
        String id = params.nullableString("id");
        if (id != null && data.products.get(id) != null) {
            throw ApiError.invalidCode("resource_already_exists", "Product already exists.", "id");
        }
        PriceDraft defaultPrice =
                params.has("default_price_data") ? PriceDraft.parse(params.child("default_price_data")) : null;
        Product product = newProduct(data, call.livemode(), id, name, store.now());
        applyProductFields(product, params);
        Price price = null;
        if (defaultPrice != null) {
            price = newPrice(data, call.livemode(), product.id(), defaultPrice, store.now());
            product.defaultPrice = price.id();
        }
        call.record("product.created", product.render());
        if (price != null) {
            call.record("price.created", price.render());
        }
        return renderProduct(call, product, "default_price");
    }

    private JsonMap updateProduct(Call call, String id) {
        Product product = product(call, id);
        Params params = call.params;
        JsonMap before = product.render();
        if (params.has("default_price")) {
            String priceId = params.nullableString("default_price");
            Price price = priceId == null ? null : call.data().prices.get(priceId);
            if (priceId != null && (price == null || !price.product.equals(id))) {
                throw ApiError.noSuchParam("price", priceId, "default_price");
            }
            product.defaultPrice = priceId;
        }
        if (params.has("name")) {
            product.name = params.requiredString("name");
        }
        applyProductFields(product, params);
        if (!Store.previousAttributes(before, product.render()).isEmpty()) {
            product.updated = Math.max(store.now(), product.updated);
            call.recordChange("product.updated", before, product.render());
        }
        return renderProduct(call, product, "default_price");
    }

    private void applyProductFields(Product product, Params params) {
        Boolean active = params.bool("active");
        if (active != null) {
            product.active = active;
        }
        if (params.has("description")) {
            product.description = params.nullableString("description");
        }
        product.metadata = params.mergeMetadata(product.metadata);
        if (params.has("images")) {
            product.images = new ArrayList<>(params.strings("images"));
        }
        if (params.has("marketing_features")) {
            List<String> features = new ArrayList<>();
            params.objects("marketing_features").forEach(feature -> features.add(feature.requiredString("name")));
            product.marketingFeatures = features;
        }
        if (params.has("shippable")) {
            product.shippable = params.bool("shippable");
        }
        if (params.has("statement_descriptor")) {
            product.statementDescriptor = params.nullableString("statement_descriptor");
        }
        if (params.has("tax_code")) {
            product.taxCode = params.nullableString("tax_code");
        }
        if (params.has("unit_label")) {
            product.unitLabel = params.nullableString("unit_label");
        }
        if (params.has("url")) {
            product.url = params.nullableString("url");
        }
    }

    /**
     * Deletes the product and, unlike Stripe (which refuses while user-created prices exist), its prices too, sending
     * {@code price.deleted} for each: a deliberate simplification so syncs can be tested on deletions.
     */
    private JsonMap deleteProduct(Call call, String id) {
        Product product = product(call, id);
        JsonMap last = product.render();
        List<Price> prices = call.data().removeProduct(id);
        call.record("product.deleted", last);
        prices.forEach(price -> call.record("price.deleted", price.render()));
        return product.renderDeleted();
    }

    private static Product product(Call call, String id) {
        return ApiError.found(call.data().products.get(id), "product", id);
    }

    private JsonMap renderProduct(Call call, Product product) {
        return renderProduct(call, product, "default_price");
    }

    private JsonMap renderProduct(Call call, Product product, String expandField) {
        JsonMap json = product.render();
        if (product.defaultPrice != null && call.expands(expandField)) {
            Price price = call.data().prices.get(product.defaultPrice);
            json.put("default_price", price == null ? product.defaultPrice : price.render());
        }
        return json;
    }

    // ---- prices

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
            created = newProduct(data, call.livemode(), null, productData.requiredString("name"), store.now());
            productId = created.id();
        }
        Price price = newPrice(data, call.livemode(), productId, draft, store.now());
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

    private static void checkLookupKey(AccountData data, String lookupKey, Price self) {
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

    // ---- shared with seeding

    private Product newProduct(AccountData data, boolean livemode, String id, String name, long created) {
        long sequence = store.ids.nextSequence();
        Product product = new Product(id != null ? id : Ids.id("prod_", sequence), sequence, created, livemode);
        product.name = name;
        data.products.add(product);
        return product;
    }

    private Price newPrice(AccountData data, boolean livemode, String productId, PriceDraft draft, long created) {
        long sequence = store.ids.nextSequence();
        Price price = new Price(
                Ids.id("price_", sequence),
                sequence,
                created,
                livemode,
                productId,
                draft.currency(),
                draft.unitAmount(),
                draft.unitAmountDecimal(),
                draft.recurring());
        price.taxBehavior = draft.taxBehavior();
        data.addPrice(price);
        return price;
    }

    /**
     * Seeds a catalog without events, oldest first and one second apart, so the newest product is the last seeded;
     * prices alternate one-time and monthly, in the account's default currency.
     */
    void seed(Account account, boolean livemode, int products, int pricesPerProduct) {
        AccountData data = store.data(account.id, livemode);
        long now = store.now();
        String currency = account.spec.defaultCurrency();
        int existing = data.products.size();
        for (int i = 0; i < products; i++) {
            long created = now - (products - 1 - i);
            int number = existing + i + 1;
            Product product = newProduct(data, livemode, null, "Seeded product " + number, created);
            product.description = "Product " + number + " of a seeded catalog";
            product.metadata.put("seed", String.valueOf(number));
            for (int p = 0; p < pricesPerProduct; p++) {
                long amount = 500L + 100L * ((number + p) % 50);
                Price.Recurring recurring = p % 2 == 1 ? new Price.Recurring("month", 1, "licensed") : null;
                Price price = newPrice(
                        data,
                        livemode,
                        product.id(),
                        new PriceDraft(currency, amount, Long.toString(amount), recurring, "unspecified"),
                        created);
                if (p == 0) {
                    product.defaultPrice = price.id();
                }
            }
        }
    }

    void removeSilently(Account account, boolean livemode, String productId) {
        AccountData data = store.data(account.id, livemode);
        if (data.products.get(productId) == null) {
            throw new IllegalArgumentException("No product " + productId + " on " + account.id);
        }
        data.removeProduct(productId);
    }
}
