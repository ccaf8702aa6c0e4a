package io.paystream.events;

import java.util.List;

/**
 * The Stripe event types Paystream's consumers handle: payment-worker's projections (payment intents, charges,
 * refunds, disputes, Checkout Sessions, customers, subscriptions, invoices, payouts, balance, connected accounts) and
 * catalog-sync (products, prices, accounts). A webhook endpoint Paystream creates through the API subscribes to
 * exactly these ({@code enabled_events}); add a type here when a consumer starts handling it. webhook-ingest still
 * accepts any type, so an endpoint configured with more in the dashboard keeps working.
 */
public final class SubscribedStripeEvents {

    public static final List<String> TYPES = List.of(
            "account.updated",
            "balance.available",
            "charge.captured",
            "charge.dispute.closed",
            "charge.dispute.created",
            "charge.dispute.funds_reinstated",
            "charge.dispute.funds_withdrawn",
            "charge.dispute.updated",
            "charge.expired",
            "charge.failed",
            "charge.pending",
            "charge.refunded",
            "charge.succeeded",
            "charge.updated",
            "checkout.session.async_payment_failed",
            "checkout.session.async_payment_succeeded",
            "checkout.session.completed",
            "checkout.session.expired",
            "customer.created",
            "customer.deleted",
            "customer.subscription.created",
            "customer.subscription.deleted",
            "customer.subscription.paused",
            "customer.subscription.resumed",
            "customer.subscription.trial_will_end",
            "customer.subscription.updated",
            "customer.updated",
            "invoice.created",
            "invoice.finalized",
            "invoice.marked_uncollectible",
            "invoice.paid",
            "invoice.payment_failed",
            "invoice.payment_succeeded",
            "invoice.updated",
            "invoice.voided",
            "payment_intent.amount_capturable_updated",
            "payment_intent.canceled",
            "payment_intent.created",
            "payment_intent.payment_failed",
            "payment_intent.processing",
            "payment_intent.requires_action",
            "payment_intent.succeeded",
            "payout.canceled",
            "payout.created",
            "payout.failed",
            "payout.paid",
            "payout.reconciliation_completed",
            "payout.updated",
            "price.created",
            "price.deleted",
            "price.updated",
            "product.created",
            "product.deleted",
            "product.updated",
            "refund.created",
            "refund.failed",
            "refund.updated");

    private SubscribedStripeEvents() {}
}
