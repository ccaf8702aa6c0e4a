package io.paystream.worker.account;

import static io.paystream.worker.apply.ProjectionFixtures.fixture;
import static io.paystream.worker.apply.ProjectionFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AccountProjectionTest {

    private final AccountProjection projection = new AccountProjection();

    private final StripeEvent started = fixture("connect_onboarding", "onb001");
    private final StripeEvent complete = fixture("connect_onboarding", "onb012");

    @Test
    void anAccountInOnboardingListsWhatIsDueAsAChecklist() {
        Document state = projection.state(started);

        assertThat(projection.collection()).isEqualTo("accounts");
        assertThat(projection.aggregateId(started)).isEqualTo("acct_u_onb");
        assertThat(state)
                .containsEntry("type", "express")
                .containsEntry("country", "US")
                .containsEntry("detailsSubmitted", false)
                .containsEntry("onboardingComplete", false);
        Document requirements = state.get("requirements", Document.class);
        assertThat(requirements.getList("currentlyDue", String.class)).contains("external_account", "company.name");
        assertThat(state.getList("onboardingChecklist", Document.class))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item).containsKeys("item", "state", "requirements"));
    }

    @Test
    void onboardingIsCompleteWhenDetailsChargesAndPayoutsAllAre() {
        Document state = projection.state(complete);

        assertThat(state)
                .containsEntry("detailsSubmitted", true)
                .containsEntry("chargesEnabled", true)
                .containsEntry("payoutsEnabled", true)
                .containsEntry("onboardingComplete", true);
        assertThat(state.getList("onboardingChecklist", Document.class)).isEmpty();
        assertThat(projection.terminal(state)).isFalse();
        assertThat(projection.precedence(state)).isZero();
    }

    @Test
    void eachOnboardingChangeIsADomainEventAndAnUnrelatedUpdateIsNot() {
        List<DomainChange> changes = projection.changes(stateOf(projection, started), stateOf(projection, complete));

        assertThat(changes).extracting(DomainChange::type).containsExactly(DomainEventTypes.ACCOUNT_ONBOARDING_UPDATED);
        assertThat(changes.get(0).data())
                .containsEntry("connectedAccount", "acct_u_onb")
                .containsEntry("onboardingComplete", true)
                .containsEntry("currentlyDue", List.of());
        assertThat(projection.changes(null, stateOf(projection, started))).hasSize(1);
        Document renamed = stateOf(projection, complete).append("country", "GB");
        assertThat(projection.changes(stateOf(projection, complete), renamed)).isEmpty();
    }
}
