package io.paystream.worker.payout;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.paystream.worker.apply.StoredFields;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /api/payouts}; null means not filtered. Its text is the cursor scope. */
record PayoutFilter(
        boolean livemode,
        @Nullable String account,
        @Nullable String status) {

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(StoredFields.LIVEMODE, livemode));
        if (account != null) {
            filters.add(eq(StoredFields.ACCOUNT, account));
        }
        if (status != null) {
            filters.add(eq(PayoutFields.STATUS, status));
        }
        return and(filters);
    }
}
