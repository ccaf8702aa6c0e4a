package io.paystream.worker.apply;

import static io.paystream.events.domain.DomainEventTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.worker.EngineRun;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What each lifecycle, delivered in order, leaves behind: the fields support staff and downstream services read. */
class LifecycleStateTest {

    private static final String RUN = "st";

    @Test
    void cardCheckoutSuccess() {
        try (EngineRun run = run("card_checkout_success")) {
            assertThat(run.find("payment_intents", "pi_st_ccs"))
                    .containsEntry("status", "succeeded")
                    .containsEntry("amountReceived", 4900L)
                    .containsEntry("latestCharge", "ch_st_ccs");
            Document charge = run.find("charges", "ch_st_ccs");
            assertThat(charge.getString("receiptUrl")).startsWith("https://pay.stripe.com/receipts/");
            assertThat(charge.get("card", Document.class))
                    .containsEntry("brand", "visa")
                    .containsEntry("last4", "4242")
                    .containsOnlyKeys("brand", "last4", "expMonth", "expYear");
            assertThat(run.find("checkout_sessions", "cs_test_st_ccs"))
                    .containsEntry("status", "complete")
                    .containsEntry("paymentStatus", "paid")
                    .containsEntry("paymentIntent", "pi_st_ccs");
            assertThat(run.domainEventTypes()).containsExactlyInAnyOrder(PAYMENT_SUCCEEDED, CHECKOUT_COMPLETED);
        }
    }

    @Test
    void cardDeclineThenSuccess() {
        try (EngineRun run = run("card_decline_then_success")) {
            assertThat(run.find("payment_intents", "pi_st_dts"))
                    .containsEntry("status", "succeeded")
                    .containsEntry("failureCode", null)
                    .containsEntry("latestCharge", "ch_st_dts2");
            assertThat(run.find("charges", "ch_st_dts1")).containsEntry("status", "failed");
            assertThat(run.domainEventTypes()).containsExactlyInAnyOrder(PAYMENT_FAILED, PAYMENT_SUCCEEDED);
        }
    }

    @Test
    void partialAndFullRefundCountEachRefundOnce() {
        try (EngineRun run = run("partial_and_full_refund")) {
            assertThat(run.find("charges", "ch_st_pfr"))
                    .containsEntry("amountRefunded", 10000L)
                    .containsEntry("refunded", true);
            assertThat(run.find("refunds", "re_st_pfr1"))
                    .containsEntry("amount", 3000L)
                    .containsEntry("status", "succeeded");
            assertThat(run.find("refunds", "re_st_pfr2")).containsEntry("amount", 7000L);
            List<Document> refunded = run.outbox().stream()
                    .filter(entry -> PAYMENT_REFUNDED.equals(entry.getString("type")))
                    .toList();
            assertThat(refunded).hasSize(2);
        }
    }

    @Test
    void disputesLostAndWon() {
        try (EngineRun lost = run("dispute_lost");
                EngineRun won = run("dispute_won")) {
            assertThat(lost.find("disputes", "du_st_dsl"))
                    .containsEntry("status", "lost")
                    .containsEntry("reason", "fraudulent");
            assertThat(lost.find("disputes", "du_st_dsl").getDate("evidenceDueBy"))
                    .isNotNull();
            assertThat(won.find("disputes", "du_st_dsw")).containsEntry("status", "won");
            assertThat(won.domainEventTypes())
                    .containsExactlyInAnyOrder(PAYMENT_SUCCEEDED, DISPUTE_OPENED, DISPUTE_CLOSED);
        }
    }

    @Test
    void subscriptionFromTrialToCanceledWithItsInvoices() {
        try (EngineRun run = run("subscription_trial_to_canceled")) {
            Document subscription = run.find("subscriptions", "sub_st_stc");
            assertThat(subscription).containsEntry("status", "canceled").containsEntry("customer", "cus_st_stc");
            assertThat(subscription.getList("items", Document.class))
                    .singleElement()
                    .satisfies(item ->
                            assertThat(item).containsEntry("quantity", 1L).containsEntry("price", "price_st_stcpro"));
            assertThat(run.find("invoices", "in_st_stc1"))
                    .containsEntry("status", "paid")
                    .containsEntry("subscription", "sub_st_stc");
            assertThat(run.find("invoices", "in_st_stc3"))
                    .containsEntry("status", "uncollectible")
                    .containsEntry("attemptCount", 4L);
            assertThat(run.find("payment_intents", "pi_st_stc3")).containsEntry("latestCharge", "ch_st_stc3r4");
            assertThat(run.domainEventTypes())
                    .containsExactlyInAnyOrder(
                            SUBSCRIPTION_ACTIVATED,
                            SUBSCRIPTION_RENEWED,
                            SUBSCRIPTION_PAST_DUE,
                            SUBSCRIPTION_CANCELED,
                            INVOICE_PAID,
                            INVOICE_PAYMENT_FAILED,
                            PAYMENT_SUCCEEDED,
                            PAYMENT_FAILED);
            long failedPayments = run.outbox().stream()
                    .filter(entry -> PAYMENT_FAILED.equals(entry.getString("type")))
                    .count();
            assertThat(failedPayments).as("one per declined charge").isEqualTo(4);
        }
    }

    @Test
    void payoutsPaidAndFailedWithTheConnectedAccountsBalance() {
        try (EngineRun paid = run("payout_paid");
                EngineRun failed = run("payout_failed")) {
            assertThat(paid.find("payouts", "po_st_pop"))
                    .containsEntry("status", "paid")
                    .containsEntry("account", "acct_st_pop");
            assertThat(paid.find("payouts", "po_st_pop").getDate("arrivalDate")).isNotNull();
            assertThat(failed.find("payouts", "po_st_pof"))
                    .containsEntry("status", "failed")
                    .containsEntry("failureCode", "account_closed");
            assertThat(failed.find("balances", "acct_st_pof:false").get("available", Document.class))
                    .containsEntry("usd", 56200L);
            assertThat(paid.domainEventTypes()).containsExactly(PAYOUT_PAID);
            assertThat(failed.domainEventTypes()).containsExactly(PAYOUT_FAILED);
        }
    }

    @Test
    void connectOnboardingFromRestrictedToEnabled() {
        try (EngineRun run = new EngineRun()) {
            var events = StripeFixtures.lifecycle("connect_onboarding", RUN);
            run.apply(events.get(0).body());
            Document restricted = run.find("accounts", "acct_st_onb");
            assertThat(restricted).containsEntry("onboardingComplete", false);
            assertThat(restricted.getList("onboardingChecklist", Document.class))
                    .extracting(item -> item.getString("item"))
                    .contains("Bank account", "Representative");
            events.forEach(event -> run.apply(event.body()));
            Document enabled = run.find("accounts", "acct_st_onb");
            assertThat(enabled)
                    .containsEntry("chargesEnabled", true)
                    .containsEntry("payoutsEnabled", true)
                    .containsEntry("onboardingComplete", true);
            assertThat(enabled.getList("onboardingChecklist", Document.class)).isEmpty();
            assertThat(run.outbox()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void deletedCustomerIsATombstone() {
        try (EngineRun run = run("customer_deleted")) {
            assertThat(run.find("customers", "cus_st_cdl"))
                    .containsEntry("deleted", true)
                    .containsEntry("name", "Edsger W. Dijkstra");
        }
    }

    private static EngineRun run(String lifecycle) {
        EngineRun run = new EngineRun();
        StripeFixtures.lifecycle(lifecycle, RUN).forEach(event -> run.apply(event.body()));
        return run;
    }
}
