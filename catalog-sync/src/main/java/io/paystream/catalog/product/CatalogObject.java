package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.stripe.model.Price;
import com.stripe.model.Product;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe product or price as stored: its Stripe fields only, bookkeeping is added by {@link CatalogWriter}.
 *
 * @param kind product or price
 * @param stripeId {@code prod_...} or {@code price_...}
 * @param productId the price's product (null when Stripe sent a price without one); for a product its own id
 * @param state the stored Stripe fields
 * @param updated Stripe's {@code updated} (products only; prices have none), null when absent
 */
public record CatalogObject(
        Kind kind,
        String stripeId,
        @Nullable String productId,
        Document state,
        @Nullable Instant updated) {

    public enum Kind {
        PRODUCT(PRODUCTS),
        PRICE(PRICES);

        private final String collection;

        Kind(String collection) {
            this.collection = collection;
        }

        public String collection() {
            return collection;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static CatalogObject of(Product product) {
        Document state = new Document()
                .append(NAME, product.getName())
                .append(DESCRIPTION, product.getDescription())
                .append(ACTIVE, product.getActive())
                .append(DEFAULT_PRICE, product.getDefaultPrice())
                .append(METADATA, product.getMetadata())
                .append(CREATED, date(product.getCreated()))
                .append(UPDATED, date(product.getUpdated()));
        Instant updated = product.getUpdated() == null ? null : Instant.ofEpochSecond(product.getUpdated());
        return new CatalogObject(Kind.PRODUCT, product.getId(), product.getId(), state, updated);
    }

    public static CatalogObject of(Price price) {
        Price.Recurring recurring = price.getRecurring();
        Document state = new Document()
                .append(PRODUCT, price.getProduct())
                .append(ACTIVE, price.getActive())
                .append(CURRENCY, price.getCurrency())
                .append(UNIT_AMOUNT, price.getUnitAmount())
                .append(
                        UNIT_AMOUNT_DECIMAL,
                        price.getUnitAmountDecimal() == null
                                ? null
                                : price.getUnitAmountDecimal().toPlainString())
                .append(TYPE, price.getType())
                .append(BILLING_SCHEME, price.getBillingScheme())
                .append(
                        RECURRING,
                        recurring == null
                                ? null
                                : new Document(INTERVAL, recurring.getInterval())
                                        .append(INTERVAL_COUNT, recurring.getIntervalCount())
                                        .append(USAGE_TYPE, recurring.getUsageType()))
                .append(NICKNAME, price.getNickname())
                .append(LOOKUP_KEY, price.getLookupKey())
                .append(TAX_BEHAVIOR, price.getTaxBehavior())
                .append(METADATA, price.getMetadata())
                .append(CREATED, date(price.getCreated()));
        return new CatalogObject(Kind.PRICE, price.getId(), price.getProduct(), state, null);
    }

    private static @Nullable Date date(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : new Date(epochSeconds * 1000);
    }
}
