package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Creates products and prices in an account's data, with ids from the store's one sequence, for the API
 * ({@link ProductsApi}, {@link PricesApi}) and for the silent seeding and removal tests use.
 */
final class Catalog {

    private final Store store;

    Catalog(Store store) {
        this.store = store;
    }

    Product newProduct(AccountData data, boolean livemode, @Nullable String id, String name, long created) {
        long sequence = store.ids.nextSequence();
        Product product = new Product(id != null ? id : Ids.id("prod_", sequence), sequence, created, livemode);
        product.name = name;
        data.products.add(product);
        return product;
    }

    Price newPrice(AccountData data, boolean livemode, String productId, PriceDraft draft, long created) {
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
