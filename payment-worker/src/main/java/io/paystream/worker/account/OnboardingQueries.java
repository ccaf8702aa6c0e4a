package io.paystream.worker.account;

import static io.paystream.worker.query.StoredValues.documents;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.isTrue;
import static io.paystream.worker.query.StoredValues.nested;
import static io.paystream.worker.query.StoredValues.strings;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.query.StoredLookup;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class OnboardingQueries {

    private static final String ACCOUNTS = AccountFields.COLLECTION;

    private final MongoDatabase database;

    OnboardingQueries(MongoDatabase database) {
        this.database = database;
    }

    OnboardingView of(String accountId) {
        Document account = StoredLookup.byId(database.getCollection(ACCOUNTS), accountId, "account");
        Document requirements = nested(account, AccountFields.REQUIREMENTS);
        List<String> currentlyDue = strings(requirements, AccountFields.CURRENTLY_DUE);
        List<String> pastDue = strings(requirements, AccountFields.PAST_DUE);
        String disabledReason = requirements == null ? null : requirements.getString(AccountFields.DISABLED_REASON);
        return new OnboardingView(
                accountId,
                isTrue(account, StoredFields.LIVEMODE),
                OnboardingStatus.of(
                        isTrue(account, AccountFields.DETAILS_SUBMITTED),
                        isTrue(account, AccountFields.CHARGES_ENABLED),
                        isTrue(account, AccountFields.PAYOUTS_ENABLED),
                        disabledReason,
                        currentlyDue,
                        pastDue),
                flag(account, AccountFields.DETAILS_SUBMITTED),
                flag(account, AccountFields.CHARGES_ENABLED),
                flag(account, AccountFields.PAYOUTS_ENABLED),
                disabledReason,
                requirements == null ? null : instant(requirements, AccountFields.CURRENT_DEADLINE),
                currentlyDue,
                pastDue,
                strings(requirements, AccountFields.EVENTUALLY_DUE),
                documents(account, AccountFields.ONBOARDING_CHECKLIST).stream()
                        .map(ChecklistItemView::of)
                        .toList(),
                instant(account, StoredFields.LAST_EVENT_CREATED),
                instant(account, StoredFields.UPDATED_AT));
    }
}
