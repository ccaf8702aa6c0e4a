package io.paystream.emulator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an emulated account looks like.
 *
 * @param id null to generate one
 * @param disabledReason Stripe's {@code requirements.disabled_reason}, null while the account is not disabled
 * @param type standard, express or custom
 * @param connected true for a Connect account under the platform
 */
public record AccountSpec(
        @Nullable String id,
        String type,
        String country,
        String defaultCurrency,
        boolean detailsSubmitted,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        List<String> currentlyDue,
        List<String> pastDue,
        List<String> eventuallyDue,
        @Nullable String disabledReason,
        boolean connected) {

    /** A standalone US account that can charge: what a customer pasting working keys has. */
    public static AccountSpec activeStandalone() {
        return new AccountSpec(
                null, "standard", "US", "usd", true, true, true, List.of(), List.of(), List.of(), null, false);
    }

    /** A fresh Connect account before onboarding: nothing submitted, charges and payouts off. */
    public static AccountSpec newConnected() {
        return new AccountSpec(
                null,
                "express",
                "US",
                "usd",
                false,
                false,
                false,
                List.of("business_profile.url", "external_account", "representative.first_name", "tos_acceptance.date"),
                List.of(),
                List.of("company.tax_id"),
                "requirements.past_due",
                true);
    }

    /** This account with onboarding complete: everything submitted, charges and payouts enabled. */
    public AccountSpec onboarded() {
        return new AccountSpec(
                id, type, country, defaultCurrency, true, true, true, List.of(), List.of(), List.of(), null, connected);
    }

    public AccountSpec withId(String newId) {
        return new AccountSpec(
                newId,
                type,
                country,
                defaultCurrency,
                detailsSubmitted,
                chargesEnabled,
                payoutsEnabled,
                currentlyDue,
                pastDue,
                eventuallyDue,
                disabledReason,
                connected);
    }

    public AccountSpec withChargesEnabled(boolean enabled) {
        return new AccountSpec(
                id,
                type,
                country,
                defaultCurrency,
                detailsSubmitted,
                enabled,
                payoutsEnabled,
                currentlyDue,
                pastDue,
                eventuallyDue,
                disabledReason,
                connected);
    }

    public AccountSpec inCountry(String newCountry, String newDefaultCurrency) {
        return new AccountSpec(
                id,
                type,
                newCountry,
                newDefaultCurrency,
                detailsSubmitted,
                chargesEnabled,
                payoutsEnabled,
                currentlyDue,
                pastDue,
                eventuallyDue,
                disabledReason,
                connected);
    }
}
