package io.paystream.worker.subscription;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import io.paystream.worker.query.StoredLookup;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class SubscriptionQueries implements IndexedQueries {

    private static final String SUBSCRIPTIONS = SubscriptionFields.COLLECTION;

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
                QueryIndex.forList(SUBSCRIPTIONS, "q_subscriptions_by_customer", SubscriptionFields.CUSTOMER),
                QueryIndex.forList(SUBSCRIPTIONS, "q_subscriptions_by_status", SubscriptionFields.STATUS));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(SUBSCRIPTIONS);
    }
}
