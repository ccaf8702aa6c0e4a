package io.paystream.worker.invoice;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.StripeEvent;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class InvoiceProjectionTest {

    private static final String LIFECYCLE = "subscription_trial_to_canceled";

    private final InvoiceProjection projection = new InvoiceProjection();

    private final StripeEvent finalized = fixture(LIFECYCLE, "stc004");
    private final StripeEvent paid = fixture(LIFECYCLE, "stc005");
    private final StripeEvent dunningOpen = fixture(LIFECYCLE, "stc030");
    private final StripeEvent firstFailure = fixture(LIFECYCLE, "stc034");
    private final StripeEvent secondFailure = fixture(LIFECYCLE, "stc039");

    @Test
    void anInvoiceFindsItsSubscriptionUnderParentInNewerApiVersions() {
        Document state = projection.state(firstFailure);

        assertThat(projection.collection()).isEqualTo("invoices");
        assertThat(projection.aggregateId(firstFailure)).isEqualTo("in_u_stc3");
        assertThat(state)
                .containsEntry("status", "open")
                .containsEntry("subscription", "sub_u_stc")
                .containsEntry("customer", "cus_u_stc")
                .containsEntry("amountDue", 2900L)
                .containsEntry("amountRemaining", 2900L)
                .containsEntry("attemptCount", 1L)
                .containsEntry("number", "5B7E0C19-0004")
                .containsEntry("billingReason", "subscription_cycle");
        assertThat(state.getDate("nextPaymentAttempt").toInstant()).isEqualTo(Instant.ofEpochSecond(1801566075L));
    }

    @Test
    void paidIsTerminalAndEachAttemptRanksAboveTheLast() {
        assertThat(projection.terminal(projection.state(paid))).isTrue();
        assertThat(projection.terminal(projection.state(finalized))).isFalse();
        assertThat(projection.precedence(projection.state(secondFailure)))
                .isGreaterThan(projection.precedence(projection.state(firstFailure)));
        assertThat(projection.precedence(projection.state(firstFailure)))
                .isGreaterThan(projection.precedence(projection.state(dunningOpen)));
    }

    @Test
    void paymentAndEachFailedAttemptAreDomainEvents() {
        List<DomainChange> paidChanges = projection.changes(stateOf(projection, finalized), stateOf(projection, paid));
        assertThat(paidChanges).extracting(DomainChange::type).containsExactly(DomainEventTypes.INVOICE_PAID);
        assertThat(paidChanges.get(0).data())
                .containsEntry("invoice", "in_u_stc0")
                .containsEntry("amount", 0L);

        List<DomainChange> failed =
                projection.changes(stateOf(projection, dunningOpen), stateOf(projection, firstFailure));
        assertThat(failed).extracting(DomainChange::type).containsExactly(DomainEventTypes.INVOICE_PAYMENT_FAILED);
        assertThat(failed.get(0).data())
                .containsEntry("amount", 2900L)
                .containsEntry("attemptCount", 1L)
                .containsEntry(
                        "nextPaymentAttempt", Instant.ofEpochSecond(1801566075L).toString());
        assertThat(projection.changes(stateOf(projection, firstFailure), stateOf(projection, firstFailure)))
                .isEmpty();
    }
}
