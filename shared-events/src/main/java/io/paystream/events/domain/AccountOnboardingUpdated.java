package io.paystream.events.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A connected account's onboarding changed: a capability flag, its requirements or its completeness (first sight
 * included). Subject: the account id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param connectedAccount the connected account ({@code acct_...}), same as the subject
 * @param detailsSubmitted whether the account holder finished submitting details
 * @param chargesEnabled whether the account can charge
 * @param payoutsEnabled whether the account can receive payouts
 * @param onboardingComplete whether details are submitted and charges and payouts enabled, all three
 * @param disabledReason Stripe's {@code requirements.disabled_reason}, e.g. {@code requirements.past_due}
 * @param currentlyDue Stripe's requirement keys due now, e.g. {@code company.tax_id}
 * @param pastDue the requirement keys already overdue
 */
public record AccountOnboardingUpdated(
        String connectedAccount,
        @Nullable Boolean detailsSubmitted,
        @Nullable Boolean chargesEnabled,
        @Nullable Boolean payoutsEnabled,
        boolean onboardingComplete,
        @Nullable String disabledReason,
        List<String> currentlyDue,
        List<String> pastDue)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.ACCOUNT_ONBOARDING_UPDATED;

    public AccountOnboardingUpdated {
        Objects.requireNonNull(connectedAccount, "connectedAccount");
        currentlyDue = List.copyOf(currentlyDue);
        pastDue = List.copyOf(pastDue);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
