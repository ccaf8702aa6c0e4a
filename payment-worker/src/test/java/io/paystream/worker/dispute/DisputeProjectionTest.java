package io.paystream.worker.dispute;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.StripeEvent;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DisputeProjectionTest {

    private final DisputeProjection projection = new DisputeProjection();

    private final StripeEvent opened = fixture("dispute_lost", "dsl004");
    private final StripeEvent underReview = fixture("dispute_lost", "dsl006");
    private final StripeEvent lost = fixture("dispute_lost", "dsl007");

    @Test
    void aDisputeKeepsItsReasonAmountAndEvidenceDeadline() {
        Document state = projection.state(opened);

        assertThat(projection.collection()).isEqualTo("disputes");
        assertThat(projection.aggregateId(opened)).isEqualTo("du_u_dsl");
        assertThat(state)
                .containsEntry("status", "needs_response")
                .containsEntry("reason", "fraudulent")
                .containsEntry("amount", 8900L)
                .containsEntry("charge", "ch_u_dsl")
                .containsEntry("paymentIntent", "pi_u_dsl")
                .containsEntry("isChargeRefundable", false);
        assertThat(state.getDate("evidenceDueBy").toInstant()).isEqualTo(Instant.ofEpochSecond(1796860799L));
    }

    @Test
    void itsStatusesMoveForwardToAClosedOutcome() {
        assertThat(projection.precedence(projection.state(underReview)))
                .isGreaterThan(projection.precedence(projection.state(opened)));
        assertThat(projection.terminal(projection.state(lost))).isTrue();
        assertThat(projection.terminal(projection.state(fixture("dispute_won", "dsw008"))))
                .isTrue();
        assertThat(projection.terminal(projection.state(underReview))).isFalse();
    }

    @Test
    void openingAndClosingAreDomainEventsOnceEach() {
        assertThat(projection.changes(null, stateOf(projection, opened)))
                .extracting(DomainChange::type)
                .containsExactly(DomainEventTypes.DISPUTE_OPENED);
        assertThat(projection.changes(stateOf(projection, opened), stateOf(projection, underReview)))
                .isEmpty();
        var closed = projection.changes(stateOf(projection, underReview), stateOf(projection, lost));
        assertThat(closed).extracting(DomainChange::type).containsExactly(DomainEventTypes.DISPUTE_CLOSED);
        assertThat(closed.get(0).data()).containsEntry("status", "lost").containsEntry("amount", 8900L);
        assertThat(projection.changes(stateOf(projection, lost), stateOf(projection, lost)))
                .isEmpty();
    }
}
