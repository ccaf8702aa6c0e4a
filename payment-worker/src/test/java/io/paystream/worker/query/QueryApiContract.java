package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the query API answers after the engine applied real Stripe lifecycles, whatever MongoDB serves it (the embedded
 * wire server here, a real MongoDB in the Testcontainers variant).
 */
abstract class QueryApiContract extends QueryApiTest {

    @Test
    void paymentShowsItsRefundsRefundedTotalReceiptAndCardSummary() {
        String run = newRunId();
        deliver("partial_and_full_refund", run);

        Answer answer = get("/api/payments/pi_" + run + "_pfr");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode payment = answer.json();
        assertThat(payment.path("id").asString()).isEqualTo("pi_" + run + "_pfr");
        assertThat(payment.path("account").asString()).isEqualTo("platform");
        assertThat(payment.path("livemode").asBoolean()).isFalse();
        assertThat(payment.path("status").asString()).isEqualTo("succeeded");
        assertThat(payment.path("amount").asLong()).isEqualTo(10000);
        assertThat(payment.path("amountRefunded").asLong()).isEqualTo(10000);
        assertThat(amounts(payment.path("refunds"))).containsExactly(3000L, 7000L);
        assertThat(texts(payment.path("refunds"), "status")).containsExactly("succeeded", "succeeded");
        assertThat(texts(payment.path("refunds"), "reason")).containsOnly("requested_by_customer");
        assertThat(texts(payment.path("charges"), "id")).containsExactly("ch_" + run + "_pfr");
        assertThat(payment.path("receiptUrl").asString())
                .startsWith("https://pay.stripe.com/receipts/")
                .contains(run);
        assertThat(payment.path("card").propertyNames())
                .containsExactlyInAnyOrder("brand", "last4", "expMonth", "expYear");
        assertThat(payment.path("card").path("brand").asString()).isEqualTo("mastercard");
        assertThat(payment.path("card").path("last4").asString()).isEqualTo("4444");
        assertThat(payment.path("card").path("expMonth").asInt()).isEqualTo(11);
        assertThat(payment.path("card").path("expYear").asInt()).isEqualTo(2030);
        assertThat(payment.path("dispute").isNull()).isTrue();
        assertThat(Instant.parse(payment.path("created").asString())).isEqualTo(Instant.ofEpochSecond(1794721600));
        assertThat(answer.text()).doesNotContain("recentEventIds", "outbox", "\"version\"", "precedence");
    }

    @Test
    void aPartlyRefundedPaymentShowsThePendingRefundAndThePartialTotal() {
        String run = newRunId();
        deliver("partial_and_full_refund", run, 5, false, null); // up to the first charge.refunded

        JsonNode payment = get("/api/payments/pi_" + run + "_pfr").json();

        assertThat(payment.path("amountRefunded").asLong()).isEqualTo(3000);
        assertThat(amounts(payment.path("refunds"))).containsExactly(3000L);
        assertThat(texts(payment.path("refunds"), "status")).containsExactly("pending");
    }

    @Test
    void disputedPaymentCarriesItsDispute() {
        String run = newRunId();
        deliver("dispute_lost", run);

        JsonNode dispute = get("/api/payments/pi_" + run + "_dsl").json().path("dispute");

        assertThat(dispute.path("id").asString()).isEqualTo("du_" + run + "_dsl");
        assertThat(dispute.path("status").asString()).isEqualTo("lost");
        assertThat(dispute.path("reason").asString()).isEqualTo("fraudulent");
        assertThat(dispute.path("amount").asLong()).isEqualTo(8900);
        assertThat(dispute.path("charge").asString()).isEqualTo("ch_" + run + "_dsl");
        assertThat(Instant.parse(dispute.path("evidenceDueBy").asString()))
                .isEqualTo(Instant.ofEpochSecond(1796860799));
    }

    @Test
    void checkoutPaymentIsListedUnderItsCustomerWithTheReceipt() {
        String run = newRunId();
        deliver("card_checkout_success", run);

        JsonNode page = get("/api/payments?customer=cus_" + run + "_ccs").json();

        assertThat(texts(page.path("data"), "id")).containsExactly("pi_" + run + "_ccs");
        assertThat(page.path("hasMore").asBoolean()).isFalse();
        assertThat(page.path("nextCursor").isNull()).isTrue();
        assertThat(get("/api/payments/pi_" + run + "_ccs")
                        .json()
                        .path("receiptUrl")
                        .asString())
                .isEqualTo("https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8" + run + "ccsKOGvmMAGMgaX3dL");
    }

    @Test
    void subscriptionAndItsInvoicesNewestFirst() {
        String run = newRunId();
        deliver("subscription_trial_to_canceled", run);
        String subscription = "sub_" + run + "_stc";

        JsonNode sub = get("/api/subscriptions/" + subscription).json();
        assertThat(sub.path("status").asString()).isEqualTo("canceled");
        assertThat(sub.path("customer").asString()).isEqualTo("cus_" + run + "_stc");
        assertThat(Instant.parse(sub.path("trialEnd").asString())).isEqualTo(Instant.ofEpochSecond(1796032864));
        assertThat(sub.path("items").size()).isPositive();
        assertThat(texts(
                        get("/api/subscriptions?customer=cus_" + run + "_stc")
                                .json()
                                .path("data"),
                        "id"))
                .containsExactly(subscription);
        assertThat(texts(
                        get("/api/subscriptions?customer=cus_" + run + "_stc&status=active")
                                .json()
                                .path("data"),
                        "id"))
                .isEmpty();

        JsonNode invoices =
                get("/api/invoices?subscription=" + subscription).json().path("data");
        assertThat(texts(invoices, "id"))
                .containsExactly(
                        "in_" + run + "_stc3", "in_" + run + "_stc2", "in_" + run + "_stc1", "in_" + run + "_stc0");
        assertThat(texts(invoices, "status")).containsExactly("uncollectible", "paid", "paid", "paid");
        assertThat(texts(
                        get("/api/invoices?subscription=" + subscription + "&status=paid")
                                .json()
                                .path("data"),
                        "id"))
                .hasSize(3);

        JsonNode last = get("/api/invoices/in_" + run + "_stc3").json();
        assertThat(last.path("subscription").asString()).isEqualTo(subscription);
        assertThat(last.path("attemptCount").asInt()).isEqualTo(4);
        assertThat(last.path("nextPaymentAttempt").isNull()).isTrue();
        assertThat(last.path("amountDue").asLong()).isEqualTo(2900);
        assertThat(last.path("amountRemaining").asLong()).isEqualTo(2900);
        assertThat(last.path("hostedInvoiceUrl").asString()).startsWith("https://invoice.stripe.com/");
        assertThat(last.path("invoicePdf").asString()).endsWith("/pdf?s=ap");
    }

    @Test
    void payoutsByAccountWithStatusArrivalDateAndFailure() {
        String run = newRunId();
        deliver("payout_paid", run);
        deliver("payout_failed", run);

        JsonNode paid = get("/api/payouts?account=acct_" + run + "_pop").json().path("data");
        assertThat(texts(paid, "id")).containsExactly("po_" + run + "_pop");
        assertThat(paid.get(0).path("status").asString()).isEqualTo("paid");
        assertThat(paid.get(0).path("amount").asLong()).isEqualTo(124500);
        assertThat(paid.get(0).path("currency").asString()).isEqualTo("usd");
        assertThat(Instant.parse(paid.get(0).path("arrivalDate").asString()))
                .isEqualTo(Instant.ofEpochSecond(1795219200));

        JsonNode failed = get("/api/payouts?account=acct_" + run + "_pof&status=failed")
                .json()
                .path("data");
        assertThat(texts(failed, "id")).containsExactly("po_" + run + "_pof");
        assertThat(failed.get(0).path("failureCode").asString()).isEqualTo("account_closed");
        assertThat(failed.get(0).path("failureMessage").asString()).isEqualTo("The bank account has been closed.");
        assertThat(get("/api/payouts?account=acct_" + run + "_pof&status=paid")
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void balancePerAccountAndCurrencyFromTheLatestBalanceEvent() {
        String run = newRunId();
        deliver("payout_paid", run);

        Answer answer = get("/api/balances/acct_" + run + "_pop");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode balance = answer.json();
        assertThat(balance.path("account").asString()).isEqualTo("acct_" + run + "_pop");
        assertThat(balance.path("available").get(0).path("currency").asString()).isEqualTo("usd");
        assertThat(balance.path("available").get(0).path("amount").asLong()).isZero();
        assertThat(balance.path("pending").get(0).path("amount").asLong()).isEqualTo(31800);
        assertThat(Instant.parse(balance.path("asOf").asString())).isEqualTo(Instant.ofEpochSecond(1795057214));
        assertThat(get("/api/balances/acct_" + run + "_pop?livemode=true").status())
                .isEqualTo(404);
    }

    @Test
    void onboardingChecklistWhileRestrictedAndCompleteAtTheEnd() {
        String restricted = newRunId();
        deliver("connect_onboarding", restricted, 1, false, null);

        JsonNode start =
                get("/api/accounts/acct_" + restricted + "_onb/onboarding").json();
        assertThat(start.path("status").asString()).isEqualTo("restricted");
        assertThat(start.path("detailsSubmitted").asBoolean()).isFalse();
        assertThat(start.path("chargesEnabled").asBoolean()).isFalse();
        assertThat(start.path("disabledReason").asString()).isEqualTo("requirements.past_due");
        assertThat(texts(start.path("checklist"), "item"))
                .contains(
                        "Business details", "Representative", "Bank account", "Tax ID", "Terms of service acceptance");
        assertThat(texts(start.path("checklist"), "state")).containsOnly("past_due");
        assertThat(start.path("pastDue").size()).isPositive();
        start.path("checklist").forEach(item -> {
            List<String> requirements = new ArrayList<>();
            item.path("requirements").forEach(key -> requirements.add(key.asString()));
            assertThat(requirements).isNotEmpty().doesNotHaveDuplicates();
        });

        String complete = newRunId();
        deliver("connect_onboarding", complete);
        JsonNode end = get("/api/accounts/acct_" + complete + "_onb/onboarding").json();
        assertThat(end.path("status").asString()).isEqualTo("complete");
        assertThat(end.path("detailsSubmitted").asBoolean()).isTrue();
        assertThat(end.path("chargesEnabled").asBoolean()).isTrue();
        assertThat(end.path("payoutsEnabled").asBoolean()).isTrue();
        assertThat(end.path("checklist").size()).isZero();
    }

    @Test
    void deletedCustomerIsATombstoneWithItsLastKnownDetails() {
        String run = newRunId();
        deliver("customer_deleted", run);

        JsonNode customer = get("/api/customers/cus_" + run + "_cdl").json();

        assertThat(customer.path("deleted").asBoolean()).isTrue();
        assertThat(Instant.parse(customer.path("deletedAt").asString())).isEqualTo(Instant.ofEpochSecond(1797779302));
        assertThat(customer.path("email").asString()).isEqualTo("e.w.dijkstra@example.org");
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    static List<Long> amounts(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path("amount").asLong()));
        return values;
    }
}
