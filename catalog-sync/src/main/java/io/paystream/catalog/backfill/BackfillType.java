package io.paystream.catalog.backfill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a backfill reads, in the order it reads them: the account and its balance first (one request each, and a key
 * that cannot read the account fails the run before the long listings), then each list endpoint in full. Products and
 * prices are written to the catalog like a full sync's pages; every other type is published to {@code stripe.events}
 * for payment-worker, which is the only writer of payment state.
 */
public enum BackfillType {
    ACCOUNT("/v1/account", Shape.SINGLE, ""),
    BALANCE("/v1/balance", Shape.SINGLE, ""),
    CUSTOMERS("/v1/customers", Shape.LIST, ""),
    PRODUCTS("/v1/products", Shape.LIST, ""),
    PRICES("/v1/prices", Shape.LIST, ""),
    PAYMENT_INTENTS("/v1/payment_intents", Shape.LIST, ""),
    CHARGES("/v1/charges", Shape.LIST, ""),
    REFUNDS("/v1/refunds", Shape.LIST, ""),
    DISPUTES("/v1/disputes", Shape.LIST, ""),
    CHECKOUT_SESSIONS("/v1/checkout/sessions", Shape.LIST, ""),
    // Stripe's default subscription list leaves out canceled ones; history includes them
    SUBSCRIPTIONS("/v1/subscriptions", Shape.LIST, "status=all&"),
    INVOICES("/v1/invoices", Shape.LIST, ""),
    PAYOUTS("/v1/payouts", Shape.LIST, "");

    /** A list endpoint pages through every object; a single one answers one object. */
    enum Shape {
        LIST,
        SINGLE
    }

    private final String path;
    private final Shape shape;
    private final String fixedQuery;

    BackfillType(String path, Shape shape, String fixedQuery) {
        this.path = path;
        this.shape = shape;
        this.fixedQuery = fixedQuery;
    }

    /** The name in the API, configuration, run documents and metrics: {@code payment_intents}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BackfillType> of(String value) {
        return Arrays.stream(values())
                .filter(type -> type.value().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Every type, in reading order. */
    static List<BackfillType> all() {
        return List.of(values());
    }

    Shape shape() {
        return shape;
    }

    /** Products and prices go to the catalog (written by catalog-sync), everything else to payment-worker. */
    boolean catalog() {
        return this == PRODUCTS || this == PRICES;
    }

    /** The request for one page: {@code limit} objects after {@code cursor} (the first page when null). */
    String request(int limit, @Nullable String cursor) {
        if (shape == Shape.SINGLE) {
            return path;
        }
        return path + '?' + fixedQuery + "limit=" + limit + (cursor == null ? "" : "&starting_after=" + cursor);
    }
}
