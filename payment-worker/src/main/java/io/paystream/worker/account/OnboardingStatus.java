package io.paystream.worker.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One word for where the onboarding stands, derived from the stored flags and requirement lists in Stripe's
 * Dashboard sense: restricted when Stripe disabled something or a deadline passed, action required while anything
 * is currently due, complete once details, charges and payouts are all enabled, pending (Stripe is verifying) otherwise.
 */
final class OnboardingStatus {

    static final String DESCRIPTION = "restricted (disabled or past due), action_required (something currently"
            + " due), pending (submitted, Stripe is verifying) or complete (details submitted, charges and payouts"
            + " enabled).";

    private OnboardingStatus() {}

    static String of(
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            @Nullable String disabledReason,
            List<String> currentlyDue,
            List<String> pastDue) {
        if (disabledReason != null || !pastDue.isEmpty()) {
            return "restricted";
        }
        if (!currentlyDue.isEmpty()) {
            return "action_required";
        }
        return detailsSubmitted && chargesEnabled && payoutsEnabled ? "complete" : "pending";
    }
}
