package io.paystream.worker.refund;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;

import io.paystream.worker.apply.StoredFields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Refund", description = "A refund of (part of) a payment.")
public record RefundView(
        @Schema(description = "Stripe refund id (re_...).") String id,

        @Schema(description = "pending, requires_action, succeeded, failed or canceled.") @Nullable
        String status,

        @Schema(description = "Amount refunded, minor units.") @Nullable
        Long amount,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "duplicate, fraudulent, requested_by_customer or expired_uncaptured_charge.") @Nullable
        String reason,

        @Schema(description = "The refunded charge.") @Nullable
        String charge,

        @Schema(description = "Why a refund failed.") @Nullable
        String failureReason,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created) {

    public static RefundView of(Document refund) {
        return new RefundView(
                refund.getString(StoredFields.ID),
                refund.getString(RefundFields.STATUS),
                longValue(refund, RefundFields.AMOUNT),
                refund.getString(RefundFields.CURRENCY),
                refund.getString(RefundFields.REASON),
                refund.getString(RefundFields.CHARGE),
                refund.getString(RefundFields.FAILURE_REASON),
                instant(refund, CREATED));
    }
}
