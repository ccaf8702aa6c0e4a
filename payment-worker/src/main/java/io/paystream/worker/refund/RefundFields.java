package io.paystream.worker.refund;

/**
 * The names of the fields refund documents store, shared by the projection that writes them and the queries that read
 * them, so a renamed field cannot compile on one side and break the other.
 */
public final class RefundFields {

    /** The collection, one document per object. */
    public static final String COLLECTION = "refunds";

    public static final String STATUS = "status";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String REASON = "reason";
    public static final String CHARGE = "charge";
    public static final String PAYMENT_INTENT = "paymentIntent";
    public static final String FAILURE_REASON = "failureReason";

    private RefundFields() {}
}
