package io.paystream.worker.query.account;

import static io.paystream.worker.query.StoredValues.documents;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.isTrue;
import static io.paystream.worker.query.StoredValues.nested;
import static io.paystream.worker.query.StoredValues.strings;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.account.AccountProjection;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.query.StoredLookup;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class OnboardingQueries {

    private static final String ACCOUNTS = new AccountProjection().collection();

    private final MongoDatabase database;

    OnboardingQueries(MongoDatabase database) {
        this.database = database;
    }

    OnboardingView of(String accountId) {
        Document account = StoredLookup.byId(database.getCollection(ACCOUNTS), accountId, "account");
        Document requirements = nested(account, "requirements");
        List<String> currentlyDue = strings(requirements, "currentlyDue");
        List<String> pastDue = strings(requirements, "pastDue");
        String disabledReason = requirements == null ? null : requirements.getString("disabledReason");
        return new OnboardingView(
                accountId,
                isTrue(account, StoredFields.LIVEMODE),
                OnboardingStatus.of(
                        isTrue(account, "detailsSubmitted"),
                        isTrue(account, "chargesEnabled"),
                        isTrue(account, "payoutsEnabled"),
                        disabledReason,
                        currentlyDue,
                        pastDue),
                flag(account, "detailsSubmitted"),
                flag(account, "chargesEnabled"),
                flag(account, "payoutsEnabled"),
                disabledReason,
                requirements == null ? null : instant(requirements, "currentDeadline"),
                currentlyDue,
                pastDue,
                strings(requirements, "eventuallyDue"),
                documents(account, "onboardingChecklist").stream()
                        .map(ChecklistItemView::of)
                        .toList(),
                instant(account, StoredFields.LAST_EVENT_CREATED),
                instant(account, StoredFields.UPDATED_AT));
    }
}
