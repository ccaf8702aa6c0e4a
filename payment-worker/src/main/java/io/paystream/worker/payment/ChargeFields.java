package io.paystream.worker.payment;

/**
 * The names of the fields charge documents store, shared by the projection that writes them and the queries that read
 * them, so a renamed field cannot compile on one side and break the other.
 */
final class ChargeFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "charges";

    static final String STATUS = "status";
    static final String STATUS_PENDING = "pending";
    static final String STATUS_SUCCEEDED = "succeeded";
    static final String STATUS_FAILED = "failed";
    static final String AMOUNT = "amount";
    static final String AMOUNT_CAPTURED = "amountCaptured";
    static final String AMOUNT_REFUNDED = "amountRefunded";
    static final String REFUNDED = "refunded";
    static final String CAPTURED = "captured";
    static final String DISPUTED = "disputed";
    static final String CURRENCY = "currency";
    static final String CUSTOMER = "customer";
    static final String PAYMENT_INTENT = "paymentIntent";
    static final String RECEIPT_URL = "receiptUrl";
    static final String FAILURE_CODE = "failureCode";
    static final String FAILURE_MESSAGE = "failureMessage";
    static final String PAYMENT_METHOD_TYPE = "paymentMethodType";
    static final String CARD = "card";
    static final String BALANCE_TRANSACTION = "balanceTransaction";
    static final String FUNDS_AVAILABLE_ON = "fundsAvailableOn";

    private ChargeFields() {}
}
