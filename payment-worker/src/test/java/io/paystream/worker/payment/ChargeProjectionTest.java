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

class ChargeProjectionTest {

    private final ChargeProjection projection = new ChargeProjection();

    private final StripeEvent succeeded = fixture("partial_and_full_refund", "pfr002");
    private final StripeEvent partlyRefunded = fixture("partial_and_full_refund", "pfr005");
    private final StripeEvent fullyRefunded = fixture("partial_and_full_refund", "pfr008");

    @Test
    void aChargeKeepsItsCardReceiptAndPaymentIntentAndSuccessIsTerminal() {
        StripeEvent charge = fixture("card_checkout_success", "ccs004");
        Document state = projection.state(charge);

        assertThat(projection.collection()).isEqualTo("charges");
        assertThat(projection.aggregateId(charge)).isEqualTo("ch_u_ccs");
        assertThat(state)
                .containsEntry("status", "succeeded")
                .containsEntry("amount", 4900L)
                .containsEntry("paymentIntent", "pi_u_ccs")
                .containsEntry("paymentMethodType", "card");
        assertThat(state.getString("receiptUrl")).startsWith("https://pay.stripe.com/receipts/");
        assertThat(state.get("card", Document.class))
                .containsEntry("brand", "visa")
                .containsEntry("expMonth", 8L)
                .containsEntry("expYear", 2029L);
        assertThat(projection.terminal(state)).isTrue();
        assertThat(projection.terminal(projection.state(fixture("card_decline_then_success", "dts002"))))
                .isTrue();
    }

    @Test
    void moreRefundedRanksHigherWithinTheTerminalStatus() {
        assertThat(projection.precedence(projection.state(fullyRefunded)))
                .isGreaterThan(projection.precedence(projection.state(partlyRefunded)));
        assertThat(projection.precedence(projection.state(partlyRefunded)))
                .isGreaterThan(projection.precedence(projection.state(succeeded)));
    }

    @Test
    void eachGrowthOfTheRefundedAmountIsARefundDomainEvent() {
        List<DomainChange> partial =
                projection.changes(stateOf(projection, succeeded), stateOf(projection, partlyRefunded));
        assertThat(partial).extracting(DomainChange::type).containsExactly(DomainEventTypes.PAYMENT_REFUNDED);
        assertThat(partial.get(0).data())
                .containsEntry("status", "partially_refunded")
                .containsEntry("amountRefunded", 3000L)
                .containsEntry("charge", "ch_u_pfr");

        List<DomainChange> full =
                projection.changes(stateOf(projection, partlyRefunded), stateOf(projection, fullyRefunded));
        assertThat(full.get(0).data()).containsEntry("status", "refunded").containsEntry("amountRefunded", 10000L);

        assertThat(projection.changes(null, stateOf(projection, succeeded))).isEmpty();
        assertThat(projection.changes(stateOf(projection, fullyRefunded), stateOf(projection, partlyRefunded)))
                .isEmpty();
    }
}
