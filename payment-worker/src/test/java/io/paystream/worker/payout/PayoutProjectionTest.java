package io.paystream.worker.payout;

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

class PayoutProjectionTest {

    private final PayoutProjection projection = new PayoutProjection();

    private final StripeEvent created = fixture("payout_paid", "pop002");
    private final StripeEvent inTransit = fixture("payout_paid", "pop004");
    private final StripeEvent paid = fixture("payout_paid", "pop005");
    private final StripeEvent failed = fixture("payout_failed", "pof003");

    @Test
    void aPayoutKeepsItsAmountArrivalAndDestination() {
        Document state = projection.state(paid);

        assertThat(projection.collection()).isEqualTo("payouts");
        assertThat(projection.aggregateId(paid)).isEqualTo("po_u_pop");
        assertThat(paid.account()).isEqualTo("acct_u_pop");
        assertThat(state)
                .containsEntry("status", "paid")
                .containsEntry("amount", 124500L)
                .containsEntry("method", "standard")
                .containsEntry("type", "bank_account")
                .containsEntry("automatic", true)
                .containsEntry("destination", "ba_u_pop");
        assertThat(state.getDate("arrivalDate").toInstant()).isEqualTo(Instant.ofEpochSecond(1795219200L));
    }

    @Test
    void itsStatusesMoveForwardToPaidOrFailed() {
        assertThat(projection.precedence(projection.state(inTransit)))
                .isGreaterThan(projection.precedence(projection.state(created)));
        assertThat(projection.terminal(projection.state(paid))).isTrue();
        assertThat(projection.terminal(projection.state(failed))).isTrue();
        assertThat(projection.terminal(projection.state(inTransit))).isFalse();
    }

    @Test
    void paidAndFailedAreDomainEventsAndTheWayThereIsNot() {
        assertThat(projection.changes(stateOf(projection, created), stateOf(projection, inTransit)))
                .isEmpty();
        assertThat(projection.changes(stateOf(projection, inTransit), stateOf(projection, paid)))
                .extracting(DomainChange::type)
                .containsExactly(DomainEventTypes.PAYOUT_PAID);
        List<DomainChange> failure = projection.changes(null, stateOf(projection, failed));
        assertThat(failure).extracting(DomainChange::type).containsExactly(DomainEventTypes.PAYOUT_FAILED);
        assertThat(failure.get(0).data())
                .containsEntry("failureCode", "account_closed")
                .containsEntry("arrivalDate", Instant.ofEpochSecond(1795305600L).toString());
        assertThat(projection.changes(stateOf(projection, paid), stateOf(projection, paid)))
                .isEmpty();
    }
}
