package io.paystream.catalog.connection;

import io.paystream.events.account.OnboardingRequirements;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Derives a connection's status from an account snapshot:
 *
 * <ol>
 *   <li>{@code disabled} when Stripe gives a {@code disabled_reason} that is not about missing information
 *       ({@code rejected.*}, {@code listed}, {@code under_review}, {@code platform_paused}, {@code other});
 *   <li>{@code restricted} when anything is past due or currently due, with the missing areas in words;
 *   <li>{@code active} when details are submitted and charges and payouts are enabled;
 *   <li>{@code pending} otherwise: onboarding not finished, or Stripe still verifying what was submitted.
 * </ol>
 */
public final class AccountStatusRules {

    private static final Map<String, String> DISABLED_REASONS = Map.of(
            "rejected.fraud", "Stripe rejected the account because of suspected fraud",
            "rejected.terms_of_service", "Stripe rejected the account for violating its terms of service",
            "rejected.listed", "Stripe rejected the account because it appears on a prohibited list",
            "rejected.incomplete_verification", "Stripe rejected the account because verification was not completed",
            "rejected.other", "Stripe rejected the account",
            "listed", "The account may appear on a prohibited list and is being reviewed by Stripe",
            "under_review", "Stripe is reviewing the account",
            "platform_paused", "The platform paused the account",
            "other", "Stripe disabled the account");

    private AccountStatusRules() {}

    /**
     * @param status the derived status
     * @param missing what Stripe still needs, in words, most urgent first; empty unless restricted
     * @param dueRequirements Stripe's own keys behind {@code missing}
     * @param disabledReason a sentence, when disabled
     * @param disabledReasonCode Stripe's {@code disabled_reason}, when disabled
     */
    public record Assessment(
            ConnectionStatus status,
            List<String> missing,
            List<String> dueRequirements,
            @Nullable String disabledReason,
            @Nullable String disabledReasonCode) {}

    public static Assessment assess(AccountSnapshot account) {
        String reason = account.disabledReason();
        if (reason != null && !reason.startsWith("requirements.") && !reason.startsWith("action_required.")) {
            return new Assessment(
                    ConnectionStatus.DISABLED,
                    List.of(),
                    List.of(),
                    DISABLED_REASONS.getOrDefault(reason, "Stripe disabled the account (" + reason + ")"),
                    reason);
        }
        List<String> due = account.dueNow();
        if (!due.isEmpty()) {
            return new Assessment(ConnectionStatus.RESTRICTED, OnboardingRequirements.labels(due), due, null, null);
        }
        if (account.detailsSubmitted() && account.chargesEnabled() && account.payoutsEnabled()) {
            return new Assessment(ConnectionStatus.ACTIVE, List.of(), List.of(), null, null);
        }
        return new Assessment(ConnectionStatus.PENDING, List.of(), List.of(), null, null);
    }
}
