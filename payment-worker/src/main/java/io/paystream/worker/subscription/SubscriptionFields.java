package io.paystream.worker.subscription;

/**
 * The names of the fields subscription documents store, shared by the projection that writes them and the queries that
 * read them, so a renamed field cannot compile on one side and break the other.
 */
final class SubscriptionFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "subscriptions";

    // Status values, in the order the query API lists them.
    static final String STATUS_INCOMPLETE = "incomplete";
    static final String STATUS_INCOMPLETE_EXPIRED = "incomplete_expired";
    static final String STATUS_TRIALING = "trialing";
    static final String STATUS_ACTIVE = "active";
    static final String STATUS_PAST_DUE = "past_due";
    static final String STATUS_CANCELED = "canceled";
    static final String STATUS_UNPAID = "unpaid";
    static final String STATUS_PAUSED = "paused";

    /** Every status, as a request parameter pattern. */
    static final String STATUSES =
            "^(" + STATUS_INCOMPLETE + "|" + STATUS_INCOMPLETE_EXPIRED + "|" + STATUS_TRIALING + "|" + STATUS_ACTIVE
                    + "|" + STATUS_PAST_DUE + "|" + STATUS_CANCELED + "|" + STATUS_UNPAID + "|" + STATUS_PAUSED + ")$";

    /** Every status, in words, for the API documentation. */
    static final String STATUS_DESCRIPTION = "Subscription status: " + STATUS_INCOMPLETE + ", "
            + STATUS_INCOMPLETE_EXPIRED + ", " + STATUS_TRIALING + ", " + STATUS_ACTIVE + ", " + STATUS_PAST_DUE + ", "
            + STATUS_CANCELED + ", " + STATUS_UNPAID + " or " + STATUS_PAUSED + ".";

    static final String ITEM_ID = "id";
    static final String ITEM_PRICE = "price";
    static final String ITEM_PRODUCT = "product";
    static final String ITEM_UNIT_AMOUNT = "unitAmount";
    static final String ITEM_INTERVAL = "interval";
    static final String ITEM_QUANTITY = "quantity";
    static final String STATUS = "status";
    static final String CUSTOMER = "customer";
    static final String CURRENCY = "currency";
    static final String ITEMS = "items";
    static final String CURRENT_PERIOD_START = "currentPeriodStart";
    static final String CURRENT_PERIOD_END = "currentPeriodEnd";
    static final String CANCEL_AT_PERIOD_END = "cancelAtPeriodEnd";
    static final String CANCEL_AT = "cancelAt";
    static final String CANCELED_AT = "canceledAt";
    static final String ENDED_AT = "endedAt";
    static final String TRIAL_START = "trialStart";
    static final String TRIAL_END = "trialEnd";
    static final String LATEST_INVOICE = "latestInvoice";

    private SubscriptionFields() {}
}
