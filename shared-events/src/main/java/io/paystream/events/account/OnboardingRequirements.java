package io.paystream.events.account;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates Stripe's requirement keys ({@code company.tax_id}, {@code external_account},
 * {@code representative.verification.document} ...) into the areas a person understands ("Tax ID", "Bank account",
 * "Identity documents" ...). Shared by payment-worker's onboarding checklist and catalog-sync's connection status, so
 * both say the same thing about the same account.
 */
public final class OnboardingRequirements {

    private OnboardingRequirements() {}

    /** The human-readable area of one requirement key; an unknown key stays visible as {@code Other: <key>}. */
    public static String label(String key) {
        if (key.endsWith("tax_id") || key.contains(".tax_id") || key.contains("vat_id")) {
            return "Tax ID";
        }
        if (key.contains("verification.document") || key.contains("verification.additional_document")) {
            return "Identity documents";
        }
        if (key.startsWith("external_account")) {
            return "Bank account";
        }
        if (key.startsWith("representative")
                || key.startsWith("individual")
                || key.startsWith("person_")
                || key.startsWith("owners")
                || key.startsWith("directors")
                || key.startsWith("executives")
                || key.contains("relationship.")) {
            return "Representative";
        }
        if (key.startsWith("business_profile") || key.startsWith("company") || key.equals("business_type")) {
            return "Business details";
        }
        if (key.startsWith("tos_acceptance")) {
            return "Terms of service acceptance";
        }
        if (key.startsWith("settings.payments") || key.startsWith("settings.card_payments")) {
            return "Statement descriptor";
        }
        return "Other: " + key;
    }

    /** The distinct areas of several key lists, in first-seen order (pass the most urgent list first). */
    @SafeVarargs
    public static List<String> labels(List<String>... keyLists) {
        Set<String> labels = new LinkedHashSet<>();
        for (List<String> keys : keyLists) {
            keys.forEach(key -> labels.add(label(key)));
        }
        return new ArrayList<>(labels);
    }
}
