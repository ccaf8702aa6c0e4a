package io.paystream.worker.invoice;

/**
 * The names of the fields invoice documents store, shared by the projection that writes them and the queries that read
 * them, so a renamed field cannot compile on one side and break the other.
 */
final class InvoiceFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "invoices";

    // Status values, in the order the query API lists them.
    static final String STATUS_DRAFT = "draft";
    static final String STATUS_OPEN = "open";
    static final String STATUS_PAID = "paid";
    static final String STATUS_UNCOLLECTIBLE = "uncollectible";
    static final String STATUS_VOID = "void";

    /** Every status, as a request parameter pattern. */
    static final String STATUSES = "^(" + STATUS_DRAFT + "|" + STATUS_OPEN + "|" + STATUS_PAID + "|"
            + STATUS_UNCOLLECTIBLE + "|" + STATUS_VOID + ")$";

    /** Every status, in words, for the API documentation. */
    static final String STATUS_DESCRIPTION = "Invoice status: " + STATUS_DRAFT + ", " + STATUS_OPEN + ", " + STATUS_PAID
            + ", " + STATUS_UNCOLLECTIBLE + " or " + STATUS_VOID + ".";

    static final String STATUS = "status";
    static final String CUSTOMER = "customer";
    static final String SUBSCRIPTION = "subscription";
    static final String NUMBER = "number";
    static final String BILLING_REASON = "billingReason";
    static final String AMOUNT_DUE = "amountDue";
    static final String AMOUNT_PAID = "amountPaid";
    static final String AMOUNT_REMAINING = "amountRemaining";
    static final String CURRENCY = "currency";
    static final String HOSTED_INVOICE_URL = "hostedInvoiceUrl";
    static final String INVOICE_PDF = "invoicePdf";
    static final String ATTEMPT_COUNT = "attemptCount";
    static final String NEXT_PAYMENT_ATTEMPT = "nextPaymentAttempt";
    static final String PERIOD_START = "periodStart";
    static final String PERIOD_END = "periodEnd";

    private InvoiceFields() {}
}
