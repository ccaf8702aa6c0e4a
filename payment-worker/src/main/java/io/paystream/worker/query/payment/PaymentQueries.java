package io.paystream.worker.query.payment;

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
import io.paystream.worker.dispute.DisputeProjection;
import io.paystream.worker.payment.ChargeProjection;
import io.paystream.worker.payment.PaymentIntentProjection;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import io.paystream.worker.query.StoredLookup;
import io.paystream.worker.query.StoredValues;
import io.paystream.worker.refund.RefundProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/**
 * Payments as support staff see them: the PaymentIntent joined with its charges, refunds and dispute. The refunded
 * total is the sum of Stripe's {@code amount_refunded} over the charges (what Stripe itself reports), not a sum of
 * refund objects, which includes pending and failed ones.
 */
@Service
class PaymentQueries implements IndexedQueries {

    static final String STATUSES =
            "^(requires_payment_method|requires_confirmation|requires_action|processing|requires_capture|canceled|succeeded)$";
    static final String STATUS_DESCRIPTION = "PaymentIntent status: requires_payment_method, requires_confirmation,"
            + " requires_action, processing, requires_capture, canceled or succeeded.";

    private static final String INTENTS = new PaymentIntentProjection().collection();
    private static final String CHARGES = new ChargeProjection().collection();
    private static final String REFUNDS = new RefundProjection().collection();
    private static final String DISPUTES = new DisputeProjection().collection();
    private static final String PAYMENT_INTENT = "paymentIntent";
    private static final Bson OLDEST_FIRST = Sorts.ascending(CREATED, StoredFields.ID);

    private final MongoDatabase database;

    PaymentQueries(MongoDatabase database) {
        this.database = database;
    }

    PaymentView byId(String id) {
        Document pi = StoredLookup.byId(collection(INTENTS), id, "payment");
        Bson sameMode = eq(StoredFields.LIVEMODE, StoredValues.isTrue(pi, StoredFields.LIVEMODE));
        List<Document> charges = collection(CHARGES)
                .find(and(eq(PAYMENT_INTENT, id), sameMode))
                .projection(PUBLIC_FIELDS)
                .sort(OLDEST_FIRST)
                .into(new ArrayList<>());
        List<String> chargeIds =
                charges.stream().map(c -> c.getString(StoredFields.ID)).toList();
        // Older API versions leave payment_intent off refunds and disputes: their charge links them.
        Bson ofThisPayment = and(or(eq(PAYMENT_INTENT, id), in("charge", chargeIds)), sameMode);
        List<RefundView> refunds = collection(REFUNDS)
                .find(ofThisPayment)
                .projection(PUBLIC_FIELDS)
                .sort(OLDEST_FIRST)
                .map(RefundView::of)
                .into(new ArrayList<>());
        Document dispute = collection(DISPUTES)
                .find(ofThisPayment)
                .projection(PUBLIC_FIELDS)
                .sort(Sorts.descending(CREATED, StoredFields.ID))
                .first();
        Document latest = latestCharge(pi, charges);
        return new PaymentView(
                id,
                pi.getString(StoredFields.ACCOUNT),
                StoredValues.isTrue(pi, StoredFields.LIVEMODE),
                pi.getString("status"),
                longValue(pi, "amount"),
                longValue(pi, "amountReceived"),
                charges.stream()
                        .map(c -> longValue(c, "amountRefunded"))
                        .filter(Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .sum(),
                pi.getString("currency"),
                pi.getString("customer"),
                pi.getString("description"),
                pi.getString("paymentMethodType"),
                CardView.of(
                        latest != null && nested(latest, "card") != null ? nested(latest, "card") : nested(pi, "card")),
                pi.getString("failureCode"),
                pi.getString("failureMessage"),
                pi.getString("cancellationReason"),
                instant(pi, "canceledAt"),
                pi.getString("latestCharge"),
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
                QueryIndex.forList(INTENTS, "q_payments_by_customer", "customer"),
                QueryIndex.forList(INTENTS, "q_payments_by_status", "status"),
                QueryIndex.forList(INTENTS, "q_payments_by_account_status", StoredFields.ACCOUNT, "status"));
    }

    /** The PaymentIntent's latest charge; else the newest one stored (its events may not have arrived yet). */
    private static Document latestCharge(Document pi, List<Document> charges) {
        String latestId = pi.getString("latestCharge");
        return charges.stream()
                .filter(c -> c.getString(StoredFields.ID).equals(latestId))
                .findFirst()
                .orElse(charges.isEmpty() ? null : charges.get(charges.size() - 1));
    }

    private static String receiptUrl(Document latest, List<Document> charges) {
        if (latest != null && latest.getString("receiptUrl") != null) {
            return latest.getString("receiptUrl");
        }
        return charges.stream()
                .filter(c -> "succeeded".equals(c.getString("status")) && c.getString("receiptUrl") != null)
                .reduce((older, newer) -> newer)
                .map(c -> c.getString("receiptUrl"))
                .orElse(null);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
