package io.paystream.bench.stack;

/**
 * The peer's mix: six Stripe event types in equal shares, four applied by payment-worker and two by catalog-sync.
 * Each type's template is {@code <type>.json} beside this class (see MixTemplates).
 */
enum MixType {
    PAYMENT_INTENT("payment_intent.succeeded", "pi", false),
    CHARGE("charge.succeeded", "ch", false),
    SUBSCRIPTION("customer.subscription.updated", "sub", false),
    INVOICE("invoice.paid", "in", false),
    PRODUCT("product.updated", "prod", true),
    PRICE("price.updated", "price", true);

    private final String eventType;
    private final String shortName;
    private final boolean catalog;

    MixType(String eventType, String shortName, boolean catalog) {
        this.eventType = eventType;
        this.shortName = shortName;
        this.catalog = catalog;
    }

    String eventType() {
        return eventType;
    }

    /** For narrow report columns. */
    String shortName() {
        return shortName;
    }

    /** Whether catalog-sync applies it (and counts it in {@code paystream_catalog_events_total}); else the worker. */
    boolean catalog() {
        return catalog;
    }

    static MixType ofEventType(String eventType) {
        for (MixType type : values()) {
            if (type.eventType.equals(eventType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not in the mix: " + eventType);
    }
}
