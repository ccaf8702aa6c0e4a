package io.paystream.worker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class OnboardingChecklistTest {

    @Test
    void groupsKeysIntoItemsWithTheMostUrgentStateAndEachKeyOnce() {
        List<Document> checklist = OnboardingChecklist.of(
                List.of("external_account", "company.tax_id"),
                List.of("external_account", "company.tax_id", "representative.first_name"),
                List.of("external_account", "representative.verification.document", "business_profile.url"));

        assertThat(checklist)
                .extracting(d -> d.getString("item"), d -> d.getString("state"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bank account", "past_due"),
                        org.assertj.core.groups.Tuple.tuple("Tax ID", "past_due"),
                        org.assertj.core.groups.Tuple.tuple("Representative", "currently_due"),
                        org.assertj.core.groups.Tuple.tuple("Identity documents", "eventually_due"),
                        org.assertj.core.groups.Tuple.tuple("Business details", "eventually_due"));
        assertThat(checklist.get(0).getList("requirements", String.class)).containsExactly("external_account");
    }

    @Test
    void anUnknownKeyStaysVisibleUnderItsOwnName() {
        assertThat(OnboardingChecklist.label("something.new")).isEqualTo("Other: something.new");
    }
}
