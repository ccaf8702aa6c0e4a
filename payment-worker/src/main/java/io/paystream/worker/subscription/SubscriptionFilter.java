package io.paystream.worker.subscription;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.paystream.worker.apply.StoredFields;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /api/subscriptions}; null means not filtered. Its text is the cursor scope. */
record SubscriptionFilter(
        boolean livemode,
        @Nullable String customer,
        @Nullable String status) {

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(StoredFields.LIVEMODE, livemode));
        if (customer != null) {
            filters.add(eq(SubscriptionFields.CUSTOMER, customer));
        }
        if (status != null) {
            filters.add(eq(SubscriptionFields.STATUS, status));
        }
        return and(filters);
    }
}
