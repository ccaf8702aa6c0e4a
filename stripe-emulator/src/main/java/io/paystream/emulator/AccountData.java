package io.paystream.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one account owns in one mode: catalog, payment objects, webhook endpoints and events, each in list order. */
final class AccountData {

    final SortedIndex<Product> products = new SortedIndex<>();
    final SortedIndex<Price> prices = new SortedIndex<>();
    final SortedIndex<WebhookEndpoint> endpoints = new SortedIndex<>();
    final SortedIndex<StripeEvent> events = new SortedIndex<>();
    private final Map<String, SortedIndex<Price>> pricesByProduct = new HashMap<>();
    final PaymentObjects payments = new PaymentObjects();

    void addPrice(Price price) {
        prices.add(price);
        pricesByProduct
                .computeIfAbsent(price.product, product -> new SortedIndex<>())
                .add(price);
    }

    /** A product's prices in list order; an index that stays empty for unknown products. */
    SortedIndex<Price> pricesOf(String productId) {
        SortedIndex<Price> index = pricesByProduct.get(productId);
        return index != null ? index : new SortedIndex<>();
    }

    /** Removes a product and its prices, returning the prices removed. */
    List<Price> removeProduct(String productId) {
        products.remove(productId);
        SortedIndex<Price> own = pricesByProduct.remove(productId);
        List<Price> removed = new ArrayList<>();
        if (own != null) {
            own.all().forEach(removed::add);
            removed.forEach(price -> prices.remove(price.id()));
        }
        return removed;
    }
}
