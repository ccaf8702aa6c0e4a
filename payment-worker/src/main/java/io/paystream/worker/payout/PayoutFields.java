package io.paystream.worker.payout;

/**
 * The names of the fields payout documents store, shared by the projection that writes them and the queries that read
 * them, so a renamed field cannot compile on one side and break the other.
 */
final class PayoutFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "payouts";

    // Status values, in the order the query API lists them.
    static final String STATUS_PENDING = "pending";
    static final String STATUS_IN_TRANSIT = "in_transit";
    static final String STATUS_PAID = "paid";
    static final String STATUS_FAILED = "failed";
    static final String STATUS_CANCELED = "canceled";

    /** Every status, as a request parameter pattern. */
    static final String STATUSES = "^(" + STATUS_PENDING + "|" + STATUS_IN_TRANSIT + "|" + STATUS_PAID + "|"
            + STATUS_FAILED + "|" + STATUS_CANCELED + ")$";

    /** Every status, in words, for the API documentation. */
    static final String STATUS_DESCRIPTION = "Payout status: " + STATUS_PENDING + ", " + STATUS_IN_TRANSIT + ", "
            + STATUS_PAID + ", " + STATUS_FAILED + " or " + STATUS_CANCELED + ".";

    static final String STATUS = "status";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String ARRIVAL_DATE = "arrivalDate";
    static final String METHOD = "method";
    static final String TYPE = "type";
    static final String AUTOMATIC = "automatic";
    static final String DESTINATION = "destination";
    static final String FAILURE_CODE = "failureCode";
    static final String FAILURE_MESSAGE = "failureMessage";

    private PayoutFields() {}
}
