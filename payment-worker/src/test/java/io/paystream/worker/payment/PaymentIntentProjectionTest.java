package io.paystream.worker.payment;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class PaymentIntentProjectionTest {

    private final PaymentIntentProjection projection = new PaymentIntentProjection();

    private final StripeEvent created = fixture("card_checkout_success", "ccs002");
    private final StripeEvent succeeded = fixture("card_checkout_success", "ccs003");
    private final StripeEvent declined = fixture("card_decline_then_success", "dts003");

    @Test
    void aSucceededIntentKeepsItsAmountsCustomerAndChargeAndIsTerminal() {
        Document state = projection.state(succeeded);

        assertThat(projection.objectType()).isEqualTo("payment_intent");
        assertThat(projection.collection()).isEqualTo("payment_intents");
        assertThat(projection.aggregateId(succeeded)).isEqualTo("pi_u_ccs");
        assertThat(state)
                .containsEntry("status", "succeeded")
                .containsEntry("amount", 4900L)
                .containsEntry("amountReceived", 4900L)
                .containsEntry("currency", "usd")
                .containsEntry("customer", "cus_u_ccs")
                .containsEntry("latestCharge", "ch_u_ccs")
                .containsEntry("failureCode", null);
        assertThat(projection.terminal(state)).isTrue();
        assertThat(projection.terminal(projection.state(created))).isFalse();
    }

    @Test
    void aDeclineNamesItsReasonAndTheFailedCardAndOutranksTheAttemptsInFlight() {
        Document state = projection.state(declined);

        assertThat(state)
                .containsEntry("status", "requires_payment_method")
                .containsEntry("failureCode", "insufficient_funds")
                .containsEntry("failureMessage", "Your card has insufficient funds.")
                .containsEntry("paymentMethodType", "card");
        assertThat(state.get("card", Document.class)).containsKeys("brand", "last4", "expMonth", "expYear");
        long failed = projection.precedence(state);
        assertThat(failed)
                .isGreaterThan(projection.precedence(projection.state(created)))
                .isGreaterThan(projection.precedence(new Document("status", "processing")))
                .isLessThan(projection.precedence(projection.state(succeeded)));
    }

    @Test
    void successAndEachNewFailureAreDomainEventsAndARepeatIsNot() {
        Document before = stateOf(projection, created);

        List<DomainChange> success = projection.changes(before, stateOf(projection, succeeded));
        assertThat(success).extracting(DomainChange::type).containsExactly(DomainEventTypes.PAYMENT_SUCCEEDED);
        assertThat(success.get(0).data())
                .containsEntry("amount", 4900L)
                .containsEntry("paymentIntent", "pi_u_ccs")
                .containsEntry("charge", "ch_u_ccs");

        Document failedState = stateOf(projection, declined);
        List<DomainChange> failure =
                projection.changes(stateOf(projection, fixture("card_decline_then_success", "dts001")), failedState);
        assertThat(failure).extracting(DomainChange::type).containsExactly(DomainEventTypes.PAYMENT_FAILED);
        assertThat(failure.get(0).data()).containsEntry("failureCode", "insufficient_funds");

        assertThat(projection.changes(stateOf(projection, succeeded), stateOf(projection, succeeded)))
                .isEmpty();
        assertThat(projection.changes(failedState, failedState)).isEmpty();
    }
}
