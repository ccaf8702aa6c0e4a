package io.paystream.worker.invoice;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.paystream.worker.apply.StoredFields;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /api/invoices}; null means not filtered. Its text is the cursor scope. */
record InvoiceFilter(
        boolean livemode,
        @Nullable String subscription,
        @Nullable String customer,
        @Nullable String status) {

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(StoredFields.LIVEMODE, livemode));
        if (subscription != null) {
            filters.add(eq(InvoiceFields.SUBSCRIPTION, subscription));
        }
        if (customer != null) {
            filters.add(eq(InvoiceFields.CUSTOMER, customer));
        }
        if (status != null) {
            filters.add(eq(InvoiceFields.STATUS, status));
        }
        return and(filters);
    }
}
