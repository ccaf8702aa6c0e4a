package io.paystream.worker.checkout;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CheckoutSessionProjectionTest {

    private final CheckoutSessionProjection projection = new CheckoutSessionProjection();

    private final StripeEvent completed = fixture("card_checkout_success", "ccs005");

    @Test
    void aCompletedSessionKeepsWhatWasBoughtAndIsTerminal() {
        Document state = projection.state(completed);

        assertThat(projection.objectType()).isEqualTo("checkout.session");
        assertThat(projection.collection()).isEqualTo("checkout_sessions");
        assertThat(projection.aggregateId(completed)).isEqualTo("cs_test_u_ccs");
        assertThat(state)
                .containsEntry("status", "complete")
                .containsEntry("paymentStatus", "paid")
                .containsEntry("mode", "payment")
                .containsEntry("amountTotal", 4900L)
                .containsEntry("customer", "cus_u_ccs")
                .containsEntry("paymentIntent", "pi_u_ccs");
        assertThat(projection.terminal(state)).isTrue();
    }

    @Test
    void aLaterPaymentOfACompletedSessionRanksAboveItsUnpaidState() {
        Document unpaid = new Document("status", "complete").append("paymentStatus", "unpaid");
        Document paid = new Document("status", "complete").append("paymentStatus", "paid");
        Document open = new Document("status", "open").append("paymentStatus", "unpaid");

        assertThat(projection.precedence(paid)).isGreaterThan(projection.precedence(unpaid));
        assertThat(projection.precedence(unpaid)).isGreaterThan(projection.precedence(open));
    }

    @Test
    void completionIsADomainEventOnce() {
        List<DomainChange> changes = projection.changes(null, stateOf(projection, completed));

        assertThat(changes).extracting(DomainChange::type).containsExactly(DomainEventTypes.CHECKOUT_COMPLETED);
        assertThat(changes.get(0).data())
                .containsEntry("amount", 4900L)
                .containsEntry("paymentStatus", "paid")
                .containsEntry("paymentIntent", "pi_u_ccs");
        assertThat(projection.changes(stateOf(projection, completed), stateOf(projection, completed)))
                .isEmpty();
    }
}
