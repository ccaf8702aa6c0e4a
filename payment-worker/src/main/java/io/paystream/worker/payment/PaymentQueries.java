package io.paystream.worker.payment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.PUBLIC_FIELDS;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.nested;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.dispute.DisputeFields;
import io.paystream.worker.dispute.DisputeView;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import io.paystream.worker.query.StoredLookup;
import io.paystream.worker.query.StoredValues;
import io.paystream.worker.refund.RefundFields;
import io.paystream.worker.refund.RefundView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Payments as support staff see them: the PaymentIntent joined with its charges, refunds and dispute. The refunded
 * total is the sum of Stripe's {@code amount_refunded} over the charges (what Stripe itself reports), not a sum of
 * refund objects, which includes pending and failed ones.
 */
@Service
class PaymentQueries implements IndexedQueries {

    private static final String INTENTS = PaymentIntentFields.COLLECTION;
    private static final String CHARGES = ChargeFields.COLLECTION;
    private static final String REFUNDS = RefundFields.COLLECTION;
    private static final String DISPUTES = DisputeFields.COLLECTION;
    private static final Bson OLDEST_FIRST = Sorts.ascending(CREATED, StoredFields.ID);

    private final MongoDatabase database;

    PaymentQueries(MongoDatabase database) {
        this.database = database;
    }

    PaymentView byId(String id) {
        Document pi = StoredLookup.byId(collection(INTENTS), id, "payment");
        Bson sameMode = eq(StoredFields.LIVEMODE, StoredValues.isTrue(pi, StoredFields.LIVEMODE));
        List<Document> charges = collection(CHARGES)
                .find(and(eq(ChargeFields.PAYMENT_INTENT, id), sameMode))
                .projection(PUBLIC_FIELDS)
                .sort(OLDEST_FIRST)
                .into(new ArrayList<>());
        List<String> chargeIds =
                charges.stream().map(c -> c.getString(StoredFields.ID)).toList();
        // Older API versions leave payment_intent off refunds and disputes: their charge links them.
        List<RefundView> refunds = collection(REFUNDS)
                .find(and(or(eq(RefundFields.PAYMENT_INTENT, id), in(RefundFields.CHARGE, chargeIds)), sameMode))
                .projection(PUBLIC_FIELDS)
                .sort(OLDEST_FIRST)
                .map(RefundView::of)
                .into(new ArrayList<>());
        Document dispute = collection(DISPUTES)
                .find(and(or(eq(DisputeFields.PAYMENT_INTENT, id), in(DisputeFields.CHARGE, chargeIds)), sameMode))
                .projection(PUBLIC_FIELDS)
                .sort(Sorts.descending(CREATED, StoredFields.ID))
                .first();
        Document latest = latestCharge(pi, charges);
        return new PaymentView(
                id,
                pi.getString(StoredFields.ACCOUNT),
                StoredValues.isTrue(pi, StoredFields.LIVEMODE),
                pi.getString(PaymentIntentFields.STATUS),
                longValue(pi, PaymentIntentFields.AMOUNT),
                longValue(pi, PaymentIntentFields.AMOUNT_RECEIVED),
                charges.stream()
                        .map(c -> longValue(c, ChargeFields.AMOUNT_REFUNDED))
                        .filter(Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .sum(),
                pi.getString(PaymentIntentFields.CURRENCY),
                pi.getString(PaymentIntentFields.CUSTOMER),
                pi.getString(PaymentIntentFields.DESCRIPTION),
                pi.getString(PaymentIntentFields.PAYMENT_METHOD_TYPE),
                CardView.of(
                        latest != null && nested(latest, ChargeFields.CARD) != null
                                ? nested(latest, ChargeFields.CARD)
                                : nested(pi, PaymentIntentFields.CARD)),
                pi.getString(PaymentIntentFields.FAILURE_CODE),
                pi.getString(PaymentIntentFields.FAILURE_MESSAGE),
                pi.getString(PaymentIntentFields.CANCELLATION_REASON),
                instant(pi, PaymentIntentFields.CANCELED_AT),
                pi.getString(PaymentIntentFields.LATEST_CHARGE),
                receiptUrl(latest, charges),
                charges.stream().map(ChargeView::of).toList(),
                refunds,
                dispute == null ? null : DisputeView.of(dispute),
                instant(pi, CREATED),
                instant(pi, StoredFields.UPDATED_AT),
                pi.getString(StoredFields.LAST_EVENT_ID),
                instant(pi, StoredFields.LAST_EVENT_CREATED));
    }

    Page<PaymentSummary> list(PaymentFilter filter, int limit, String cursor) {
        return CursorPaging.page(
                collection(INTENTS),
                filter.toBson(),
                new ListRequest("payments " + filter, limit, cursor),
                PaymentSummary::of);
    }

    @Override
    public List<QueryIndex> indexes() {
        return List.of(
                QueryIndex.forList(INTENTS, "q_payments"),
                QueryIndex.forList(INTENTS, "q_payments_by_account", StoredFields.ACCOUNT),
                QueryIndex.forList(INTENTS, "q_payments_by_customer", PaymentIntentFields.CUSTOMER),
                QueryIndex.forList(INTENTS, "q_payments_by_status", PaymentIntentFields.STATUS),
                QueryIndex.forList(
                        INTENTS, "q_payments_by_account_status", StoredFields.ACCOUNT, PaymentIntentFields.STATUS));
    }

    /** The PaymentIntent's latest charge; else the newest one stored (its events may not have arrived yet). */
    private static @Nullable Document latestCharge(Document pi, List<Document> charges) {
        String latestId = pi.getString(PaymentIntentFields.LATEST_CHARGE);
        return charges.stream()
                .filter(c -> c.getString(StoredFields.ID).equals(latestId))
                .findFirst()
                .orElse(charges.isEmpty() ? null : charges.get(charges.size() - 1));
    }

    private static @Nullable String receiptUrl(@Nullable Document latest, List<Document> charges) {
        if (latest != null && latest.getString(ChargeFields.RECEIPT_URL) != null) {
            return latest.getString(ChargeFields.RECEIPT_URL);
        }
        return charges.stream()
                .filter(c -> ChargeFields.STATUS_SUCCEEDED.equals(c.getString(ChargeFields.STATUS))
                        && c.getString(ChargeFields.RECEIPT_URL) != null)
                .reduce((older, newer) -> newer)
                .map(c -> c.getString(ChargeFields.RECEIPT_URL))
                .orElse(null);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
