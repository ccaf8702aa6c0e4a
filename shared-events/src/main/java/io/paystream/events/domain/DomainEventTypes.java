package io.paystream.events.domain;

import java.util.List;

/**
 * The {@code type} attribute values of the domain events on {@link io.paystream.events.Topics#PAYMENTS_EVENTS}.
 * Past tense, prefixed with the reverse domain so they cannot clash with other CloudEvents producers.
 */
public final class DomainEventTypes {

    private static final String PREFIX = "io.paystream.";

    public static final String PAYMENT_SUCCEEDED = PREFIX + "payment.succeeded";
    public static final String PAYMENT_FAILED = PREFIX + "payment.failed";
    public static final String PAYMENT_REFUNDED = PREFIX + "payment.refunded";
    public static final String DISPUTE_OPENED = PREFIX + "dispute.opened";
    public static final String DISPUTE_CLOSED = PREFIX + "dispute.closed";
    public static final String CHECKOUT_COMPLETED = PREFIX + "checkout.completed";
    public static final String SUBSCRIPTION_ACTIVATED = PREFIX + "subscription.activated";
    public static final String SUBSCRIPTION_PAST_DUE = PREFIX + "subscription.past_due";
    public static final String SUBSCRIPTION_CANCELED = PREFIX + "subscription.canceled";
    public static final String SUBSCRIPTION_RENEWED = PREFIX + "subscription.renewed";
    public static final String INVOICE_PAID = PREFIX + "invoice.paid";
    public static final String INVOICE_PAYMENT_FAILED = PREFIX + "invoice.payment_failed";
    public static final String PAYOUT_PAID = PREFIX + "payout.paid";
    public static final String PAYOUT_FAILED = PREFIX + "payout.failed";
    public static final String ACCOUNT_ONBOARDING_UPDATED = PREFIX + "account.onboarding_updated";

    /**
     * A customer's Stripe connection (catalog-sync) changed status: pending, restricted, active, disabled or
     * disconnected. Subject = the connection id.
     */
    public static final String CONNECTION_STATUS_CHANGED = PREFIX + "connection.status_changed";

    public static final List<String> ALL = List.of(
            PAYMENT_SUCCEEDED,
            PAYMENT_FAILED,
            PAYMENT_REFUNDED,
            DISPUTE_OPENED,
            DISPUTE_CLOSED,
            CHECKOUT_COMPLETED,
            SUBSCRIPTION_ACTIVATED,
            SUBSCRIPTION_PAST_DUE,
            SUBSCRIPTION_CANCELED,
            SUBSCRIPTION_RENEWED,
            INVOICE_PAID,
            INVOICE_PAYMENT_FAILED,
            PAYOUT_PAID,
            PAYOUT_FAILED,
            ACCOUNT_ONBOARDING_UPDATED,
            CONNECTION_STATUS_CHANGED);

    private DomainEventTypes() {}
}
