package io.paystream.worker.payment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.paystream.worker.apply.StoredFields;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /api/payments}; null means not filtered. Its text is the cursor scope. */
record PaymentFilter(
        boolean livemode,
        @Nullable String account,
        @Nullable String customer,
        @Nullable String status) {

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(StoredFields.LIVEMODE, livemode));
        if (account != null) {
            filters.add(eq(StoredFields.ACCOUNT, account));
        }
        if (customer != null) {
            filters.add(eq(PaymentIntentFields.CUSTOMER, customer));
        }
        if (status != null) {
            filters.add(eq(PaymentIntentFields.STATUS, status));
        }
        return and(filters);
    }
}
