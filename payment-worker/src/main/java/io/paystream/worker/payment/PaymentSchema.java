package io.paystream.worker.payment;

/**
 * How the API documents the PaymentIntent fields that a payment in a list ({@link PaymentSummary}) and a payment by id
 * ({@link PaymentView}) both show: one text for each, so the two answers describe them alike.
 */
final class PaymentSchema {

    static final String ID = "PaymentIntent id (pi_...).";
    static final String ACCOUNT = "`platform` or the connected account (acct_...).";
    static final String LIVEMODE = "Live (true) or test (false) data.";
    static final String STATUS = PaymentIntentFields.STATUS_DESCRIPTION;
    static final String AMOUNT = "Amount intended to be collected, minor units.";
    static final String AMOUNT_RECEIVED = "Amount received, minor units.";
    static final String CURRENCY = "Three-letter ISO currency code, lower case.";
    static final String CUSTOMER = "Customer id (cus_...), if any.";
    static final String PAYMENT_METHOD_TYPE = "Payment method type, e.g. card.";
    static final String FAILURE_CODE = "Decline or error code of the last failed attempt.";
    static final String CREATED = "Stripe's created time.";

    private PaymentSchema() {}
}
