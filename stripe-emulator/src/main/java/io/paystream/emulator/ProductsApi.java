package io.paystream.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /v1/products}: list, create (with a default price), retrieve, update and delete. */
final class ProductsApi {

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
    private final Store store;
    private final Catalog catalog;

    ProductsApi(Store store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
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
                .on("DELETE", "/v1/products/{id}", Set.of(), (call, path) -> deleteProduct(call, path.get(0)));
    }

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
        Product product = catalog.newProduct(data, call.livemode(), id, name, store.now());
        applyProductFields(product, params);
        Price price = null;
        if (defaultPrice != null) {
            price = catalog.newPrice(data, call.livemode(), product.id(), defaultPrice, store.now());
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
}
