package io.paystream.worker.payment;

/**
 * The names of the fields PaymentIntent documents store, shared by the projection that writes them and the queries
 * that read them, so a renamed field cannot compile on one side and break the other.
 */
final class PaymentIntentFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "payment_intents";

    // Status values, in the order the query API lists them.
    static final String STATUS_REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    static final String STATUS_REQUIRES_CONFIRMATION = "requires_confirmation";
    static final String STATUS_REQUIRES_ACTION = "requires_action";
    static final String STATUS_PROCESSING = "processing";
    static final String STATUS_REQUIRES_CAPTURE = "requires_capture";
    static final String STATUS_CANCELED = "canceled";
    static final String STATUS_SUCCEEDED = "succeeded";

    /** Every status, as a request parameter pattern. */
    static final String STATUSES = "^(" + STATUS_REQUIRES_PAYMENT_METHOD + "|" + STATUS_REQUIRES_CONFIRMATION + "|"
            + STATUS_REQUIRES_ACTION + "|" + STATUS_PROCESSING + "|" + STATUS_REQUIRES_CAPTURE + "|" + STATUS_CANCELED
            + "|" + STATUS_SUCCEEDED + ")$";

    /** Every status, in words, for the API documentation. */
    static final String STATUS_DESCRIPTION = "PaymentIntent status: " + STATUS_REQUIRES_PAYMENT_METHOD + ", "
            + STATUS_REQUIRES_CONFIRMATION + ", " + STATUS_REQUIRES_ACTION + ", " + STATUS_PROCESSING + ", "
            + STATUS_REQUIRES_CAPTURE + ", " + STATUS_CANCELED + " or " + STATUS_SUCCEEDED + ".";

    static final String STATUS = "status";
    static final String AMOUNT = "amount";
    static final String AMOUNT_RECEIVED = "amountReceived";
    static final String CURRENCY = "currency";
    static final String CUSTOMER = "customer";
    static final String DESCRIPTION = "description";
    static final String PAYMENT_METHOD_TYPE = "paymentMethodType";
    static final String CARD = "card";
    static final String FAILURE_CODE = "failureCode";
    static final String FAILURE_MESSAGE = "failureMessage";
    static final String LATEST_CHARGE = "latestCharge";
    static final String CANCELLATION_REASON = "cancellationReason";
    static final String CANCELED_AT = "canceledAt";

    private PaymentIntentFields() {}
}
