package io.paystream.worker.payment;

/**
 * The names of the fields of the card summary payments and charges store (never more card data than these).
 */
final class CardFields {

    static final String BRAND = "brand";
    static final String LAST4 = "last4";
    static final String EXP_MONTH = "expMonth";
    static final String EXP_YEAR = "expYear";

    private CardFields() {}
}
