package io.paystream.worker.payment;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.meta;

import io.paystream.worker.query.StoredValues.StoredMeta;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(
        name = "PaymentSummary",
        description = "A PaymentIntent in a list; its charges, refunds and dispute are on" + " GET /api/payments/{id}.")
record PaymentSummary(
        @Schema(description = PaymentSchema.ID) String id,

        @Schema(description = PaymentSchema.ACCOUNT) String account,

        @Schema(description = PaymentSchema.LIVEMODE) boolean livemode,

        @Schema(description = PaymentSchema.STATUS) @Nullable
        String status,

        @Schema(description = PaymentSchema.AMOUNT) @Nullable
        Long amount,

        @Schema(description = PaymentSchema.AMOUNT_RECEIVED) @Nullable
        Long amountReceived,

        @Schema(description = PaymentSchema.CURRENCY) @Nullable
        String currency,

        @Schema(description = PaymentSchema.CUSTOMER) @Nullable
        String customer,

        @Schema(description = PaymentSchema.PAYMENT_METHOD_TYPE) @Nullable
        String paymentMethodType,

        @Schema(description = PaymentSchema.FAILURE_CODE) @Nullable
        String failureCode,

        @Schema(description = PaymentSchema.CREATED) @Nullable
        Instant created,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt) {

    static PaymentSummary of(Document pi) {
        StoredMeta meta = meta(pi);
        return new PaymentSummary(
                meta.id(),
                meta.account(),
                meta.livemode(),
                pi.getString(PaymentIntentFields.STATUS),
                longValue(pi, PaymentIntentFields.AMOUNT),
                longValue(pi, PaymentIntentFields.AMOUNT_RECEIVED),
                pi.getString(PaymentIntentFields.CURRENCY),
                pi.getString(PaymentIntentFields.CUSTOMER),
                pi.getString(PaymentIntentFields.PAYMENT_METHOD_TYPE),
                pi.getString(PaymentIntentFields.FAILURE_CODE),
                instant(pi, CREATED),
                meta.updatedAt());
    }
}
