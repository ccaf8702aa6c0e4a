package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.StripeFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountStatusRulesTest {

    private static final OnboardingFixture FIXTURE = OnboardingFixture.fresh();

    private static AccountStatusRules.Assessment assess(String suffix) {
        StripeFixtures.FixtureEvent event = FIXTURE.event(suffix);
        JsonNode account =
                ConnectionApi.JSON.readTree(event.body()).path("data").path("object");
        return AccountStatusRules.assess(AccountSnapshot.of(account));
    }

    @Test
    void theOnboardingFixtureGoesFromRestrictedToActive() {
        assertThat(assess("onb001").status()).isEqualTo(ConnectionStatus.RESTRICTED);
        assertThat(assess("onb001").missing())
                .containsExactly(
                        "Business details", "Tax ID", "Bank account", "Representative", "Terms of service acceptance");
        assertThat(assess("onb005").status()).as("submitted, being verified").isEqualTo(ConnectionStatus.PENDING);
        assertThat(assess("onb008").missing()).containsExactly("Identity documents");
        assertThat(assess("onb011").status()).isEqualTo(ConnectionStatus.PENDING);
        assertThat(assess("onb012").status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRejectionDisablesWithAReasonButMissingInformationOnlyRestricts() {
        AccountSnapshot rejected = new AccountSnapshot(
                "acct_1",
                "US",
                "usd",
                true,
                false,
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "rejected.fraud");
        AccountSnapshot pastDue = new AccountSnapshot(
                "acct_1",
                "US",
                "usd",
                true,
                false,
                false,
                List.of(),
                List.of("external_account"),
                List.of(),
                List.of(),
                "requirements.past_due");

        AccountStatusRules.Assessment disabled = AccountStatusRules.assess(rejected);
        assertThat(disabled.status()).isEqualTo(ConnectionStatus.DISABLED);
        assertThat(disabled.disabledReasonCode()).isEqualTo("rejected.fraud");
        assertThat(disabled.disabledReason()).contains("fraud");
        assertThat(AccountStatusRules.assess(pastDue).status()).isEqualTo(ConnectionStatus.RESTRICTED);
        assertThat(AccountStatusRules.assess(pastDue).missing()).containsExactly("Bank account");
    }
}
