package io.paystream.worker.query.subscription;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import io.paystream.worker.query.StoredLookup;
import io.paystream.worker.subscription.SubscriptionProjection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class SubscriptionQueries implements IndexedQueries {

    static final String STATUSES = "^(incomplete|incomplete_expired|trialing|active|past_due|canceled|unpaid|paused)$";
    static final String STATUS_DESCRIPTION = "Subscription status: incomplete, incomplete_expired, trialing, active,"
            + " past_due, canceled, unpaid or paused.";

    private static final String SUBSCRIPTIONS = new SubscriptionProjection().collection();

    private final MongoDatabase database;

    SubscriptionQueries(MongoDatabase database) {
        this.database = database;
    }

    SubscriptionView byId(String id) {
        Document sub = StoredLookup.byId(collection(), id, "subscription");
        return SubscriptionView.of(sub);
    }

    Page<SubscriptionView> list(SubscriptionFilter filter, int limit, String cursor) {
        return CursorPaging.page(
                collection(),
                filter.toBson(),
                new ListRequest("subscriptions " + filter, limit, cursor),
                SubscriptionView::of);
    }

    @Override
    public List<QueryIndex> indexes() {
        return List.of(
                QueryIndex.forList(SUBSCRIPTIONS, "q_subscriptions"),
                QueryIndex.forList(SUBSCRIPTIONS, "q_subscriptions_by_customer", "customer"),
                QueryIndex.forList(SUBSCRIPTIONS, "q_subscriptions_by_status", "status"));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(SUBSCRIPTIONS);
    }
}
