package io.paystream.worker.query;

/**
 * Request-parameter patterns of Stripe ids. Stripe ids are a type prefix plus letters, digits and underscores; a
 * value of another shape cannot name a stored object, so it is a 400, not a 404.
 */
public final class StripeIds {

    public static final String PAYMENT_INTENT = "pi_\\w{1,250}";
    public static final String CUSTOMER = "cus_\\w{1,250}";
    public static final String SUBSCRIPTION = "sub_\\w{1,250}";
    public static final String INVOICE = "in_\\w{1,250}";
    public static final String CONNECTED_ACCOUNT = "acct_\\w{1,250}";
    /** The platform itself or a connected account, as the engine stores {@code account}. */
    public static final String ACCOUNT = "^(platform|acct_\\w{1,250})$";

    private StripeIds() {}
}
