package io.paystream.worker.account;

import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.strings;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StripeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Connected accounts and their onboarding: the three capability flags, Stripe's requirement lists, and a
 * human-readable checklist derived from them. No status: ordered by created second and event id only, because an
 * account can lose capabilities as well as gain them.
 */
@Component
public class AccountProjection implements Projection {

    private static final List<String> ONBOARDING_FIELDS =
            List.of("detailsSubmitted", "chargesEnabled", "payoutsEnabled", "requirements", "onboardingComplete");

    @Override
    public String objectType() {
        return "account";
    }

    @Override
    public String collection() {
        return "accounts";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode account = event.object();
        JsonNode requirements = account.path("requirements");
        List<String> currentlyDue = strings(requirements, "currently_due");
        List<String> pastDue = strings(requirements, "past_due");
        List<String> eventuallyDue = strings(requirements, "eventually_due");
        Boolean detailsSubmitted = flag(account, "details_submitted");
        Boolean chargesEnabled = flag(account, "charges_enabled");
        Boolean payoutsEnabled = flag(account, "payouts_enabled");
        boolean complete = Boolean.TRUE.equals(detailsSubmitted)
                && Boolean.TRUE.equals(chargesEnabled)
                && Boolean.TRUE.equals(payoutsEnabled);
        return new Document("type", text(account, "type"))
                .append("country", text(account, "country"))
                .append("businessType", text(account, "business_type"))
                .append("defaultCurrency", text(account, "default_currency"))
                .append("detailsSubmitted", detailsSubmitted)
                .append("chargesEnabled", chargesEnabled)
                .append("payoutsEnabled", payoutsEnabled)
                .append(
                        "requirements",
                        new Document("currentlyDue", currentlyDue)
                                .append("pastDue", pastDue)
                                .append("eventuallyDue", eventuallyDue)
                                .append("disabledReason", text(requirements, "disabled_reason"))
                                .append("currentDeadline", time(requirements, "current_deadline")))
                .append("onboardingChecklist", OnboardingChecklist.of(pastDue, currentlyDue, eventuallyDue))
                .append("onboardingComplete", complete)
                .append("stripeCreated", time(account, "created"));
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        boolean changed = previous == null
                || ONBOARDING_FIELDS.stream().anyMatch(field -> !Objects.equals(previous.get(field), next.get(field)));
        if (!changed) {
            return List.of();
        }
        Document requirements = next.get("requirements", Document.class);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connectedAccount", next.get("_id"));
        data.put("detailsSubmitted", next.get("detailsSubmitted"));
        data.put("chargesEnabled", next.get("chargesEnabled"));
        data.put("payoutsEnabled", next.get("payoutsEnabled"));
        data.put("onboardingComplete", next.get("onboardingComplete"));
        data.put("disabledReason", requirements.get("disabledReason"));
        data.put("currentlyDue", requirements.get("currentlyDue"));
        data.put("pastDue", requirements.get("pastDue"));
        return List.of(new DomainChange(DomainEventTypes.ACCOUNT_ONBOARDING_UPDATED, data));
    }
}
