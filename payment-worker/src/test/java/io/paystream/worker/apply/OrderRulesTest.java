package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.invoice;
import static io.paystream.worker.apply.TestEvents.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.worker.EngineRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    private static final long SECOND = 1_794_900_000L;

    @Test
    void invoicePaidWinsOverAnUpdateOfTheSameSecondInEitherOrder() {
        byte[] paid = event("evt_paid", "invoice.paid", SECOND, invoice("in_tie", "paid", 1));
        // An id that sorts after evt_paid, so the id tie-breaker alone would pick the update.
        byte[] updated = event("evt_zz_updated", "invoice.updated", SECOND, invoice("in_tie", "open", 0));
        for (List<byte[]> order : List.of(List.of(paid, updated), List.of(updated, paid))) {
            try (EngineRun run = new EngineRun()) {
                order.forEach(run::apply);
                assertThat(run.find("invoices", "in_tie").getString("status")).isEqualTo("paid");
                assertThat(run.domainEventTypes()).containsExactly(DomainEventTypes.INVOICE_PAID);
            }
        }
    }

    @Test
    void subscriptionUpdatedBeforeCreatedKeepsTheActiveSubscription() {
        List<FixtureEvent> events = StripeFixtures.lifecycle("subscription_created_out_of_order_same_second", "tie");
        FixtureEvent created = only(events, "customer.subscription.created");
        FixtureEvent updated = only(events, "customer.subscription.updated");
        try (EngineRun run = new EngineRun()) {
            assertThat(run.apply(updated.body())).isEqualTo(ApplyOutcome.APPLIED);
            assertThat(run.apply(created.body())).isEqualTo(ApplyOutcome.STALE);
            Document subscription = run.find("subscriptions", updated.objectId());
            assertThat(subscription.getString("status")).isEqualTo("active");
            assertThat(subscription.getString("lastEventId")).isEqualTo(updated.id());
            assertThat(run.domainEventTypes()).containsExactly(DomainEventTypes.SUBSCRIPTION_ACTIVATED);
        }
    }

    @Test
    void aTerminalStatusNeverRegressesEvenForANewerEvent() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_s", "payment_intent.succeeded", SECOND, paymentIntent("pi_t", "succeeded")));
            ApplyOutcome outcome = run.apply(
                    event("evt_p", "payment_intent.processing", SECOND + 60, paymentIntent("pi_t", "processing")));
            assertThat(outcome).isEqualTo(ApplyOutcome.STALE);
            assertThat(run.find("payment_intents", "pi_t").getString("status")).isEqualTo("succeeded");
        }
    }

    @Test
    void anOlderEventIsStaleAndAnEqualStateEmitsNoSecondDomainEvent() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_new", "customer.updated", SECOND + 10, customer("cus_o", "new@example.com")));
            assertThat(run.apply(event("evt_old", "customer.updated", SECOND, customer("cus_o", "old@example.com"))))
                    .isEqualTo(ApplyOutcome.STALE);
            assertThat(run.find("customers", "cus_o").getString("email")).isEqualTo("new@example.com");

            // Stripe's "two events for one change": the second one is applied but changes nothing.
            run.apply(event("evt_a", "payment_intent.succeeded", SECOND, paymentIntent("pi_twice", "succeeded")));
            run.apply(event("evt_b", "payment_intent.succeeded", SECOND, paymentIntent("pi_twice", "succeeded")));
            assertThat(run.find("payment_intents", "pi_twice").getList("outbox", Document.class))
                    .hasSize(1);
        }
    }

    @Test
    void deletionIsATombstoneThatKeepsTheLastKnownFields() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_c", "customer.created", SECOND, customer("cus_d", "ada@example.com")));
            run.apply(event(
                    "evt_d",
                    "customer.deleted",
                    SECOND,
                    "{\"id\":\"cus_d\",\"object\":\"customer\",\"deleted\":true}"));
            run.apply(event("evt_zz", "customer.updated", SECOND, customer("cus_d", "late@example.com")));
            Document customer = run.find("customers", "cus_d");
            assertThat(customer.getBoolean("deleted")).isTrue();
            assertThat(customer.getDate("deletedAt")).isNotNull();
            assertThat(customer.getString("email")).isEqualTo("ada@example.com");
        }
    }

    @Test
    void testAndLiveDataNeverMix() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_test", "customer.created", SECOND, false, null, customer("cus_m", "a@example.com")));
            byte[] live =
                    event("evt_live", "customer.updated", SECOND + 1, true, null, customer("cus_m", "b@example.com"));
            assertThatThrownBy(() -> run.apply(live)).isInstanceOf(PoisonEventException.class);
            assertThat(run.find("customers", "cus_m").getString("email")).isEqualTo("a@example.com");

            run.apply(event("evt_b1", "balance.available", SECOND, false, "acct_1", balance(100)));
            run.apply(event("evt_b2", "balance.available", SECOND, true, "acct_1", balance(200)));
            assertThat(run.find("balances", "acct_1:false")
                            .get("available", Document.class)
                            .getLong("usd"))
                    .isEqualTo(100L);
            assertThat(run.find("balances", "acct_1:true")
                            .get("available", Document.class)
                            .getLong("usd"))
                    .isEqualTo(200L);
        }
    }

    @Test
    void unknownTypesAndThinEventsAreCountedAndIgnored() {
        try (EngineRun run = new EngineRun()) {
            assertThat(run.apply(event(
                            "evt_u", "issuing_card.created", SECOND, "{\"id\":\"ic_1\",\"object\":\"issuing.card\"}")))
                    .isEqualTo(ApplyOutcome.IGNORED);
            byte[] thin =
                    "{\"id\":\"evt_thin\",\"object\":\"v2.core.event\",\"type\":\"v1.billing.meter.error_report_triggered\",\"related_object\":{\"id\":\"mtr_1\",\"type\":\"billing.meter\"}}"
                            .getBytes(StandardCharsets.UTF_8);
            assertThat(run.apply(thin)).isEqualTo(ApplyOutcome.IGNORED);
            assertThat(run.count("ignored")).isEqualTo(2);
        }
    }

    @Test
    void unparseableEventsArePoisonAndTheReasonQuotesNoBodyContent() {
        try (EngineRun run = new EngineRun()) {
            byte[] broken = "{\"id\":\"evt_x\",\"secret_card\":4242424242424242 oops".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> run.apply(broken))
                    .isInstanceOf(PoisonEventException.class)
                    .message()
                    .doesNotContain("4242")
                    .doesNotContain("oops");
            assertThatThrownBy(() -> run.apply(
                            "{\"object\":\"event\",\"id\":\"evt_y\",\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(PoisonEventException.class);
        }
    }

    @Test
    void aPoisonRecordInABatchIsNamedAndEveryRecordBeforeItIsApplied() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_t1", "customer.created", SECOND, false, null, customer("cus_b1", "a@example.com")));
            List<StripeEventApplier.Incoming> batch = List.of(
                    new StripeEventApplier.Incoming(
                            null, event("evt_b0", "customer.created", SECOND, customer("cus_b0", "x@example.com"))),
                    new StripeEventApplier.Incoming(
                            null,
                            event(
                                    "evt_b1",
                                    "customer.updated",
                                    SECOND + 1,
                                    true,
                                    null,
                                    customer("cus_b1", "b@example.com"))),
                    new StripeEventApplier.Incoming(
                            null, event("evt_b2", "customer.created", SECOND, customer("cus_b2", "y@example.com"))));
            assertThatThrownBy(() -> run.applier.applyAll(batch))
                    .isInstanceOfSatisfying(RecordFailedException.class, e -> assertThat(e.index())
                            .isEqualTo(1))
                    .hasCauseInstanceOf(PoisonEventException.class);
            assertThat(run.find("customers", "cus_b0")).isNotNull();
            assertThat(run.find("customers", "cus_b1").getString("email")).isEqualTo("a@example.com");
        }
    }

    private static String balance(long usd) {
        return "{\"object\":\"balance\",\"available\":[{\"amount\":" + usd
                + ",\"currency\":\"usd\"}],\"pending\":[{\"amount\":0,\"currency\":\"usd\"}]}";
    }

    private static FixtureEvent only(List<FixtureEvent> events, String type) {
        List<FixtureEvent> matching = new ArrayList<>();
        events.stream().filter(e -> e.type().equals(type)).forEach(matching::add);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
