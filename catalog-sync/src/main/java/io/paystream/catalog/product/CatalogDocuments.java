package io.paystream.catalog.product;

/**
 * Collections and field names of the stored catalog. One document per Stripe object per account and mode; {@code _id}
 * is {@code <account>|<live|test>|<stripe id>} so the key {account, livemode, id} is unique by construction.
 */
public final class CatalogDocuments {

    public static final String PRODUCTS = "catalog_products";
    public static final String PRICES = "catalog_prices";

    public static final String ID = "_id";
    public static final String ACCOUNT = "account";
    public static final String LIVEMODE = "livemode";
    public static final String STRIPE_ID = "stripeId";

    // Stripe's state
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String ACTIVE = "active";
    public static final String DEFAULT_PRICE = "defaultPrice";
    public static final String METADATA = "metadata";
    public static final String CREATED = "stripeCreated";
    public static final String UPDATED = "stripeUpdated";
    public static final String PRODUCT = "product";
    public static final String CURRENCY = "currency";
    public static final String UNIT_AMOUNT = "unitAmount";
    public static final String UNIT_AMOUNT_DECIMAL = "unitAmountDecimal";
    public static final String TYPE = "type";
    public static final String BILLING_SCHEME = "billingScheme";
    public static final String RECURRING = "recurring";
    public static final String INTERVAL = "interval";
    public static final String INTERVAL_COUNT = "intervalCount";
    public static final String USAGE_TYPE = "usageType";
    public static final String NICKNAME = "nickname";
    public static final String LOOKUP_KEY = "lookupKey";
    public static final String TAX_BEHAVIOR = "taxBehavior";

    // Paystream's bookkeeping
    /** Stripe time of the state stored (see {@link OrderKey}); an older write never replaces it. */
    public static final String ORDER_AT = "orderAt";
    /** The event that wrote the state, {@code ""} for a full sync: settles same-second ties in favour of events. */
    public static final String ORDER_EVENT_ID = "orderEventId";
    /** Tombstone: the object no longer exists in Stripe. Never deleted from MongoDB. */
    public static final String ARCHIVED = "archived";

    public static final String ARCHIVED_AT = "archivedAt";
    /** {@code deleted} (a deletion event) or {@code missing_from_stripe} (a complete listing did not contain it). */
    public static final String ARCHIVED_REASON = "archivedReason";
    /** The run id of the last full sync that listed the object. */
    public static final String SEEN_IN_RUN = "seenInRun";
    /** Counts writes of the document's state; every state write is conditional on the version it read. */
    public static final String VERSION = "version";
    /** Local time of the last write, by a sync or an event. */
    public static final String WRITTEN_AT = "writtenAt";

    public static final String LAST_EVENT_ID = "lastEventId";
    public static final String LAST_EVENT_CREATED = "lastEventCreated";
    public static final String SELLABLE = "sellable";
    public static final String REASONS = "reasons";
    public static final String CODE = "code";
    public static final String MESSAGE = "message";

    private CatalogDocuments() {}

    public static String id(String account, boolean livemode, String stripeId) {
        return account + '|' + (livemode ? "live" : "test") + '|' + stripeId;
    }
}
