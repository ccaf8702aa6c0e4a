package io.paystream.worker.customer;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.isTrue;
import static io.paystream.worker.query.StoredValues.meta;

import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.query.StoredValues.StoredMeta;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Customer", description = "A customer; deleted customers stay readable as tombstones.")
record CustomerView(
        @Schema(description = "Customer id (cus_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = "Email address.") @Nullable String email,

        @Schema(description = "Full name or business name.") @Nullable
        String name,

        @Schema(description = "Whether the customer was deleted at Stripe.")
        boolean deleted,

        @Schema(description = "When it was deleted.") @Nullable
        Instant deletedAt,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event this state comes from.") @Nullable
        String lastEventId) {

    static CustomerView of(Document customer) {
        StoredMeta meta = meta(customer);
        return new CustomerView(
                meta.id(),
                meta.account(),
                meta.livemode(),
                customer.getString(CustomerFields.EMAIL),
                customer.getString(CustomerFields.NAME),
                isTrue(customer, StoredFields.DELETED),
                instant(customer, StoredFields.DELETED_AT),
                instant(customer, CREATED),
                meta.updatedAt(),
                meta.lastEventId());
    }
}
