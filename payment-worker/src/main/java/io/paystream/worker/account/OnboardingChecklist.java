package io.paystream.worker.account;

import io.paystream.events.account.OnboardingRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Groups Stripe's requirement keys into the checklist a person understands: one item per area (named by
 * {@link OnboardingRequirements}, shared with catalog-sync), with the most urgent state of its keys (past_due, then
 * currently_due, then eventually_due).
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
            Document item = items.computeIfAbsent(label, l -> new Document(ChecklistFields.ITEM, l)
                    .append(ChecklistFields.STATE, state)
                    .append(ChecklistFields.REQUIREMENTS, new ArrayList<String>()));
            List<String> requirements = item.getList(ChecklistFields.REQUIREMENTS, String.class);
            // Stripe lists a key in past_due and currently_due (and eventually_due) at once; say it once.
            if (!requirements.contains(key)) {
                requirements.add(key);
            }
        }
    }

    static String label(String key) {
        return OnboardingRequirements.label(key);
    }
}
