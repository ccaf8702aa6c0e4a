package io.paystream.worker.refund;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.worker.apply.StripeEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RefundProjectionTest {

    private final RefundProjection projection = new RefundProjection();

    private final StripeEvent pending = fixture("partial_and_full_refund", "pfr004");
    private final StripeEvent succeeded = fixture("partial_and_full_refund", "pfr006");

    @Test
    void aRefundKeepsItsAmountReasonAndWhatItRefunds() {
        Document state = projection.state(pending);

        assertThat(projection.collection()).isEqualTo("refunds");
        assertThat(projection.aggregateId(pending)).isEqualTo("re_u_pfr1");
        assertThat(state)
                .containsEntry("status", "pending")
                .containsEntry("amount", 3000L)
                .containsEntry("currency", "usd")
                .containsEntry("reason", "requested_by_customer")
                .containsEntry("charge", "ch_u_pfr")
                .containsEntry("paymentIntent", "pi_u_pfr");
    }

    @Test
    void successIsTerminalAndRanksAbovePendingAndARefundIsNoDomainEventOfItsOwn() {
        assertThat(projection.terminal(projection.state(succeeded))).isTrue();
        assertThat(projection.terminal(projection.state(pending))).isFalse();
        assertThat(projection.precedence(projection.state(succeeded)))
                .isGreaterThan(projection.precedence(projection.state(pending)));
        // the charge's refunded amount says it, once per refund
        assertThat(projection.changes(stateOf(projection, pending), stateOf(projection, succeeded)))
                .isEmpty();
    }
}
