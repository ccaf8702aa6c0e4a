package io.paystream.worker.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "Onboarding", description = "A connected account's onboarding status and what is still missing.")
record OnboardingView(
        @Schema(description = "Connected account id (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) account.")
        boolean livemode,

        @Schema(description = OnboardingStatus.DESCRIPTION) String status,

        @Schema(description = "Whether the account submitted its onboarding details.") @Nullable
        Boolean detailsSubmitted,

        @Schema(description = "Whether the account can take charges.") @Nullable
        Boolean chargesEnabled,

        @Schema(description = "Whether the account can receive payouts.") @Nullable
        Boolean payoutsEnabled,

        @Schema(description = "Why Stripe disabled the account, e.g. requirements.past_due.") @Nullable
        String disabledReason,

        @Schema(description = "Deadline for the currently due requirements.") @Nullable
        Instant currentDeadline,

        @Schema(description = "Requirement keys due now.") List<String> currentlyDue,

        @Schema(description = "Requirement keys past their deadline.")
        List<String> pastDue,

        @Schema(description = "Requirement keys due eventually.")
        List<String> eventuallyDue,

        @Schema(description = "The human-readable checklist, most urgent first.")
        List<ChecklistItemView> checklist,

        @Schema(description = "The created time of the account event this state comes from.") @Nullable
        Instant asOf,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt) {}
