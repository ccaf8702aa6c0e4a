package io.paystream.worker.customer;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.worker.apply.StripeEvent;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CustomerProjectionTest {

    private final CustomerProjection projection = new CustomerProjection();

    @Test
    void aCustomerKeepsEmailNameAndCreationAndHasNoStatusOrder() {
        StripeEvent created = fixture("card_checkout_success", "ccs001");
        Document state = projection.state(created);

        assertThat(projection.collection()).isEqualTo("customers");
        assertThat(projection.aggregateId(created)).isEqualTo("cus_u_ccs");
        assertThat(state)
                .containsOnlyKeys("email", "name", "stripeCreated")
                .containsEntry("email", "ada.lovelace@example.com")
                .containsEntry("name", "Ada Lovelace");
        assertThat(state.getDate("stripeCreated").toInstant()).isEqualTo(Instant.ofEpochSecond(1794700000L));
        assertThat(projection.precedence(state)).isZero();
        assertThat(projection.terminal(state)).isFalse();
        assertThat(projection.changes(null, stateOf(projection, created))).isEmpty();
    }

    @Test
    void theDeletedCustomersStubStillNamesIt() {
        StripeEvent deleted = fixture("customer_deleted", "cdl003");

        assertThat(deleted.isDeletion()).isTrue();
        assertThat(projection.state(deleted)).containsEntry("email", "e.w.dijkstra@example.org");
    }
}
