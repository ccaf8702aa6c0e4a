package io.paystream.events.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingRequirementsTest {

    @Test
    void namesTheAreasAPersonRecognises() {
        assertThat(OnboardingRequirements.label("company.tax_id")).isEqualTo("Tax ID");
        assertThat(OnboardingRequirements.label("external_account")).isEqualTo("Bank account");
        assertThat(OnboardingRequirements.label("representative.verification.document"))
                .isEqualTo("Identity documents");
        assertThat(OnboardingRequirements.label("owners.first_name")).isEqualTo("Representative");
        assertThat(OnboardingRequirements.label("business_profile.url")).isEqualTo("Business details");
        assertThat(OnboardingRequirements.label("tos_acceptance.date")).isEqualTo("Terms of service acceptance");
        assertThat(OnboardingRequirements.label("something.new")).isEqualTo("Other: something.new");
    }

    @Test
    void labelsAreDistinctInTheOrderOfTheMostUrgentList() {
        assertThat(OnboardingRequirements.labels(
                        List.of("external_account", "company.tax_id"),
                        List.of("representative.first_name", "external_account", "company.name")))
                .containsExactly("Bank account", "Tax ID", "Representative", "Business details");
    }
}
