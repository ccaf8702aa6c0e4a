package io.paystream.worker.subscription;

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

class SubscriptionProjectionTest {

    private static final String LIFECYCLE = "subscription_trial_to_canceled";

    private final SubscriptionProjection projection = new SubscriptionProjection();

    private final StripeEvent trialing = fixture(LIFECYCLE, "stc002");
    private final StripeEvent activated = fixture(LIFECYCLE, "stc008");
    private final StripeEvent renewed = fixture(LIFECYCLE, "stc018");
    private final StripeEvent pastDue = fixture(LIFECYCLE, "stc036");
    private final StripeEvent canceled = fixture(LIFECYCLE, "stc049");

    @Test
    void aSubscriptionKeepsItsItemsAndTakesItsPeriodFromTheItemsOfNewerApiVersions() {
        Document state = projection.state(trialing);

        assertThat(projection.collection()).isEqualTo("subscriptions");
        assertThat(projection.aggregateId(trialing)).isEqualTo("sub_u_stc");
        assertThat(state)
                .containsEntry("status", "trialing")
                .containsEntry("customer", "cus_u_stc")
                .containsEntry("latestInvoice", "in_u_stc0");
        assertThat(state.getList("items", Document.class)).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("price", "price_u_stcpro")
                .containsEntry("product", "prod_u_stcpro")
                .containsEntry("unitAmount", 2900L)
                .containsEntry("quantity", 1L));
        assertThat(state.getDate("currentPeriodEnd").toInstant()).isEqualTo(Instant.ofEpochSecond(1796032864L));
        assertThat(state.getDate("trialEnd").toInstant()).isEqualTo(Instant.ofEpochSecond(1796032864L));
    }

    @Test
    void aLaterPeriodRanksHigherAndCancellationIsTerminal() {
        assertThat(projection.precedence(projection.state(renewed)))
                .isGreaterThan(projection.precedence(projection.state(activated)));
        assertThat(projection.precedence(projection.state(activated)))
                .isGreaterThan(projection.precedence(projection.state(trialing)));
        assertThat(projection.terminal(projection.state(canceled))).isTrue();
        assertThat(projection.terminal(projection.state(pastDue))).isFalse();
    }

    @Test
    void activationRenewalPastDueAndCancellationAreDomainEvents() {
        assertThat(types(projection.changes(stateOf(projection, trialing), stateOf(projection, activated))))
                .containsExactly(DomainEventTypes.SUBSCRIPTION_ACTIVATED);
        List<DomainChange> renewal = projection.changes(stateOf(projection, activated), stateOf(projection, renewed));
        assertThat(types(renewal)).containsExactly(DomainEventTypes.SUBSCRIPTION_RENEWED);
        assertThat(renewal.get(0).data())
                .containsEntry("subscription", "sub_u_stc")
                .containsEntry(
                        "currentPeriodEnd", Instant.ofEpochSecond(1801303264L).toString());
        assertThat(types(projection.changes(stateOf(projection, renewed), stateOf(projection, pastDue))))
                .containsExactly(DomainEventTypes.SUBSCRIPTION_PAST_DUE);
        assertThat(types(projection.changes(stateOf(projection, pastDue), stateOf(projection, canceled))))
                .containsExactly(DomainEventTypes.SUBSCRIPTION_CANCELED);
        assertThat(projection.changes(null, stateOf(projection, trialing))).isEmpty();
        assertThat(projection.changes(stateOf(projection, renewed), stateOf(projection, renewed)))
                .isEmpty();
    }

    private static List<String> types(List<DomainChange> changes) {
        return changes.stream().map(DomainChange::type).toList();
    }
}
