package io.paystream.worker.account;

import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.strings;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.AccountOnboardingUpdated;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Connected accounts and their onboarding: the three capability flags, Stripe's requirement lists, and a
 * human-readable checklist derived from them. No status: ordered by created second and event id only, because an
 * account can lose capabilities as well as gain them.
 */
@Component
public class AccountProjection implements Projection {

    private static final List<String> ONBOARDING_FIELDS = List.of(
            AccountFields.DETAILS_SUBMITTED,
            AccountFields.CHARGES_ENABLED,
            AccountFields.PAYOUTS_ENABLED,
            AccountFields.REQUIREMENTS,
            AccountFields.ONBOARDING_COMPLETE);

    @Override
    public String objectType() {
        return "account";
    }

    @Override
    public String collection() {
        return AccountFields.COLLECTION;
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
        return new Document(AccountFields.TYPE, text(account, "type"))
                .append(AccountFields.COUNTRY, text(account, "country"))
                .append(AccountFields.BUSINESS_TYPE, text(account, "business_type"))
                .append(AccountFields.DEFAULT_CURRENCY, text(account, "default_currency"))
                .append(AccountFields.DETAILS_SUBMITTED, detailsSubmitted)
                .append(AccountFields.CHARGES_ENABLED, chargesEnabled)
                .append(AccountFields.PAYOUTS_ENABLED, payoutsEnabled)
                .append(
                        AccountFields.REQUIREMENTS,
                        new Document(AccountFields.CURRENTLY_DUE, currentlyDue)
                                .append(AccountFields.PAST_DUE, pastDue)
                                .append(AccountFields.EVENTUALLY_DUE, eventuallyDue)
                                .append(AccountFields.DISABLED_REASON, text(requirements, "disabled_reason"))
                                .append(AccountFields.CURRENT_DEADLINE, time(requirements, "current_deadline")))
                .append(
                        AccountFields.ONBOARDING_CHECKLIST,
                        OnboardingChecklist.of(pastDue, currentlyDue, eventuallyDue))
                .append(AccountFields.ONBOARDING_COMPLETE, complete)
                .append(StoredFields.STRIPE_CREATED, time(account, "created"));
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        boolean changed = previous == null
                || ONBOARDING_FIELDS.stream().anyMatch(field -> !Objects.equals(previous.get(field), next.get(field)));
        if (!changed) {
            return List.of();
        }
        Document requirements = next.get(AccountFields.REQUIREMENTS, Document.class);
        return List.of(new DomainChange(new AccountOnboardingUpdated(
                next.getString(StoredFields.ID),
                next.getBoolean(AccountFields.DETAILS_SUBMITTED),
                next.getBoolean(AccountFields.CHARGES_ENABLED),
                next.getBoolean(AccountFields.PAYOUTS_ENABLED),
                Boolean.TRUE.equals(next.getBoolean(AccountFields.ONBOARDING_COMPLETE)),
                requirements.getString(AccountFields.DISABLED_REASON),
                requirements.getList(AccountFields.CURRENTLY_DUE, String.class),
                requirements.getList(AccountFields.PAST_DUE, String.class))));
    }
}
