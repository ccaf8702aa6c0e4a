package io.paystream.worker.payout;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class PayoutQueries implements IndexedQueries {

    private static final String PAYOUTS = PayoutFields.COLLECTION;

    private final MongoDatabase database;

    PayoutQueries(MongoDatabase database) {
        this.database = database;
    }

    Page<PayoutView> list(PayoutFilter filter, int limit, String cursor) {
        return CursorPaging.page(
                database.getCollection(PAYOUTS),
                filter.toBson(),
                new ListRequest("payouts " + filter, limit, cursor),
                PayoutView::of);
    }

    @Override
    public List<QueryIndex> indexes() {
        return List.of(
                QueryIndex.forList(PAYOUTS, "q_payouts"),
                QueryIndex.forList(PAYOUTS, "q_payouts_by_account", StoredFields.ACCOUNT),
                QueryIndex.forList(PAYOUTS, "q_payouts_by_account_status", StoredFields.ACCOUNT, PayoutFields.STATUS));
    }
}
