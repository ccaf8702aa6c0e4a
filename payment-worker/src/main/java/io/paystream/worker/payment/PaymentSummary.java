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
        @Schema(description = "PaymentIntent id (pi_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = PaymentIntentFields.STATUS_DESCRIPTION) @Nullable
        String status,

        @Schema(description = "Amount intended to be collected, minor units.") @Nullable
        Long amount,

        @Schema(description = "Amount received, minor units.") @Nullable
        Long amountReceived,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "Customer id (cus_...), if any.") @Nullable
        String customer,

        @Schema(description = "Payment method type, e.g. card.") @Nullable
        String paymentMethodType,

        @Schema(description = "Decline or error code of the last failed attempt.") @Nullable
        String failureCode,

        @Schema(description = "Stripe's created time.") @Nullable
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
