package io.paystream.events.domain;

import java.time.Instant;
import java.util.List;

/** A realistic event of every type, built the way producers build them: a record, then the envelope. */
final class DomainEventExamples {

    static final Instant CREATED = Instant.parse("2026-11-22T10:15:30Z");

    private DomainEventExamples() {}

    /**
     * The example of {@code type}.
     *
     * @throws AssertionError for a type without an example: add one here, and its record, when a type is added
     */
    static DomainEvent of(String type) {
        return switch (type) {
            case DomainEventTypes.PAYMENT_SUCCEEDED ->
                stripe(
                        "pi_3QxPay",
                        "payment_intent",
                        new PaymentSucceeded("succeeded", 4900L, 4900L, "usd", "cus_Rk2Tq", "pi_3QxPay", "ch_3QxPay"));
            case DomainEventTypes.PAYMENT_FAILED ->
                stripe(
                        "pi_3QxDecl",
                        "payment_intent",
                        new PaymentFailed(
                                "requires_payment_method",
                                2500L,
                                0L,
                                "eur",
                                null,
                                "pi_3QxDecl",
                                "ch_3QxDecl1",
                                "insufficient_funds",
                                "Your card has insufficient funds."));
            case DomainEventTypes.PAYMENT_REFUNDED ->
                stripe(
                        "ch_3QxRef",
                        "charge",
                        new PaymentRefunded(
                                "partially_refunded", 10000L, 3000L, "usd", "cus_Rk2Tq", "pi_3QxRef", "ch_3QxRef"));
            case DomainEventTypes.DISPUTE_OPENED ->
                stripe(
                        "du_1Dsp",
                        "dispute",
                        new DisputeOpened("needs_response", "fraudulent", 8900L, "usd", "ch_3QxDsp", "pi_3QxDsp"));
            case DomainEventTypes.DISPUTE_CLOSED ->
                stripe("du_1Dsp", "dispute", new DisputeClosed("lost", "fraudulent", 8900L, "usd", "ch_3QxDsp", null));
            case DomainEventTypes.CHECKOUT_COMPLETED ->
                stripe(
                        "cs_test_a1B2",
                        "checkout.session",
                        new CheckoutCompleted(
                                "complete", "paid", "subscription", 2900L, "usd", "cus_Rk2Tq", null, "sub_1Sub"));
            case DomainEventTypes.SUBSCRIPTION_ACTIVATED ->
                stripe(
                        "sub_1Sub",
                        "subscription",
                        new SubscriptionActivated(
                                "active",
                                "cus_Rk2Tq",
                                "sub_1Sub",
                                "usd",
                                Instant.parse("2026-12-22T10:15:30Z"),
                                false));
            case DomainEventTypes.SUBSCRIPTION_PAST_DUE ->
                stripe(
                        "sub_1Sub",
                        "subscription",
                        new SubscriptionWentPastDue(
                                "past_due",
                                "cus_Rk2Tq",
                                "sub_1Sub",
                                "usd",
                                Instant.parse("2027-01-22T10:15:30Z"),
                                false));
            case DomainEventTypes.SUBSCRIPTION_CANCELED ->
                stripe(
                        "sub_1Sub",
                        "subscription",
                        new SubscriptionCanceled(
                                "canceled",
                                "cus_Rk2Tq",
                                "sub_1Sub",
                                "usd",
                                Instant.parse("2027-01-22T10:15:30Z"),
                                true));
            case DomainEventTypes.SUBSCRIPTION_RENEWED ->
                stripe(
                        "sub_1Sub",
                        "subscription",
                        new SubscriptionRenewed(
                                "active",
                                "cus_Rk2Tq",
                                "sub_1Sub",
                                "usd",
                                Instant.parse("2027-01-22T10:15:30.250Z"),
                                null));
            case DomainEventTypes.INVOICE_PAID ->
                stripe("in_1Inv", "invoice", new InvoicePaid("paid", "usd", "cus_Rk2Tq", "sub_1Sub", "in_1Inv", 2900L));
            case DomainEventTypes.INVOICE_PAYMENT_FAILED ->
                stripe(
                        "in_1Inv",
                        "invoice",
                        new InvoicePaymentFailed(
                                "open",
                                "usd",
                                "cus_Rk2Tq",
                                "sub_1Sub",
                                "in_1Inv",
                                2900L,
                                2,
                                Instant.parse("2026-11-25T10:15:29Z")));
            case DomainEventTypes.PAYOUT_PAID ->
                connected(
                        "po_1Pay",
                        "payout",
                        new PayoutPaid("paid", 124500L, "usd", Instant.parse("2026-11-24T00:00:00Z")));
            case DomainEventTypes.PAYOUT_FAILED ->
                connected(
                        "po_1Fail",
                        "payout",
                        new PayoutFailed(
                                "failed",
                                56200L,
                                "eur",
                                Instant.parse("2026-11-24T00:00:00Z"),
                                "account_closed",
                                "The bank account has been closed."));
            case DomainEventTypes.ACCOUNT_ONBOARDING_UPDATED ->
                connected(
                        "acct_1Acme",
                        "account",
                        new AccountOnboardingUpdated(
                                "acct_1Acme",
                                true,
                                false,
                                false,
                                false,
                                "requirements.past_due",
                                List.of("external_account", "company.tax_id"),
                                List.of("external_account")));
            case DomainEventTypes.CONNECTION_STATUS_CHANGED ->
                DomainEvent.of(
                        "evt_1Restr",
                        CREATED,
                        new ConnectionStatusChanged(
                                "conn_7Hq2Lm",
                                "acme",
                                ConnectionStatusChanged.KIND_CONNECT,
                                "acct_1Acme",
                                false,
                                "pending",
                                "restricted",
                                List.of("Bank account", "Tax ID"),
                                null,
                                "evt_1Restr"));
            default -> throw new AssertionError("no example of " + type + ": give it a record and an example here");
        };
    }

    private static DomainEvent stripe(String objectId, String objectType, StripeChange change) {
        return DomainEvent.of(new StripeOrigin(objectId, objectType, "platform", false, "evt_1Cause"), CREATED, change);
    }

    private static DomainEvent connected(String objectId, String objectType, StripeChange change) {
        return DomainEvent.of(
                new StripeOrigin(objectId, objectType, "acct_1Acme", true, "evt_1Cause"), CREATED, change);
    }
}
