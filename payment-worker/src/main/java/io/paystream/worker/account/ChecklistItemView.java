package io.paystream.worker.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "OnboardingChecklistItem", description = "One area of the onboarding still to be completed.")
record ChecklistItemView(
        @Schema(
                description =
                        "What to provide, e.g. Business details, Representative, Identity documents, Bank account, Tax ID.")
        @Nullable
        String item,

        @Schema(description = "The most urgent state of its requirements: past_due, currently_due or eventually_due.")
        @Nullable
        String state,

        @Schema(description = "Stripe's requirement keys behind this item.")
        List<String> requirements) {

    static ChecklistItemView of(Document item) {
        return new ChecklistItemView(
                item.getString(ChecklistFields.ITEM),
                item.getString(ChecklistFields.STATE),
                item.getList(ChecklistFields.REQUIREMENTS, String.class, List.of()));
    }
}
