package io.paystream.worker.balance;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.worker.apply.StripeEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class BalanceProjectionTest {

    private final BalanceProjection projection = new BalanceProjection();

    @Test
    void aBalanceHasNoStripeIdSoItIsKeptPerAccountAndModeInMinorUnitsPerCurrency() {
        StripeEvent available = fixture("payout_paid", "pop001");

        assertThat(projection.collection()).isEqualTo("balances");
        assertThat(available.objectId()).isNull();
        assertThat(projection.aggregateId(available)).isEqualTo("acct_u_pop:false");
        Document state = projection.state(available);
        assertThat(state.get("available", Document.class)).isEqualTo(new Document("usd", 124500L));
        assertThat(state.get("pending", Document.class)).isEqualTo(new Document("usd", 31800L));
    }

    @Test
    void aBalanceHasNoOrderButTimeAndNoDomainEvent() {
        StripeEvent later = fixture("payout_paid", "pop003");
        Document state = projection.state(later);

        assertThat(projection.precedence(state)).isZero();
        assertThat(projection.terminal(state)).isFalse();
        assertThat(projection.changes(
                        stateOf(projection, fixture("payout_paid", "pop001")), stateOf(projection, later)))
                .isEmpty();
    }
}
