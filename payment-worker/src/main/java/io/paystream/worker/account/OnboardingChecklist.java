package io.paystream.worker.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Translates Stripe's requirement keys ({@code company.tax_id}, {@code external_account},
 * {@code representative.verification.document} ...) into the checklist a person understands: one item per area, with
 * the most urgent state of its keys (past_due, then currently_due, then eventually_due).
 */
final class OnboardingChecklist {

    private OnboardingChecklist() {}

    static List<Document> of(List<String> pastDue, List<String> currentlyDue, List<String> eventuallyDue) {
        Map<String, Document> items = new LinkedHashMap<>();
        add(items, pastDue, "past_due");
        add(items, currentlyDue, "currently_due");
        add(items, eventuallyDue, "eventually_due");
        return new ArrayList<>(items.values());
    }

    private static void add(Map<String, Document> items, List<String> keys, String state) {
        for (String key : keys) {
            String label = label(key);
            Document item = items.computeIfAbsent(label, l -> new Document("item", l)
                    .append("state", state)
                    .append("requirements", new ArrayList<String>()));
            List<String> requirements = item.getList("requirements", String.class);
            // Stripe lists a key in past_due and currently_due (and eventually_due) at once; say it once.
            if (!requirements.contains(key)) {
                requirements.add(key);
            }
        }
    }

    static String label(String key) {
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
}
