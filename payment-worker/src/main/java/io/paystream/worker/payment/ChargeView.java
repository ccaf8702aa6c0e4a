package io.paystream.worker.payment;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.nested;

import io.paystream.worker.apply.StoredFields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Charge", description = "One charge attempt of a payment.")
record ChargeView(
        @Schema(description = "Stripe charge id (ch_...).") String id,

        @Schema(description = "pending, succeeded or failed.") @Nullable
        String status,

        @Schema(description = "Amount in minor units.") @Nullable
        Long amount,

        @Schema(description = "Amount captured, minor units.") @Nullable
        Long amountCaptured,

        @Schema(description = "Amount refunded so far, minor units.") @Nullable
        Long amountRefunded,

        @Schema(description = "Whether the charge is fully refunded.") @Nullable
        Boolean refunded,

        @Schema(description = "Whether the charge is disputed.") @Nullable
        Boolean disputed,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "Payment method type, e.g. card.") @Nullable
        String paymentMethodType,

        @Schema(description = "Card used, if a card.") @Nullable
        CardView card,

        @Schema(description = "Stripe-hosted receipt.") @Nullable
        String receiptUrl,

        @Schema(description = "Failure or decline code of a failed charge.") @Nullable
        String failureCode,

        @Schema(description = "Failure message of a failed charge.") @Nullable
        String failureMessage,

        @Schema(description = "When the funds become available, where the event data says so.") @Nullable
        Instant fundsAvailableOn,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created) {

    static ChargeView of(Document charge) {
        return new ChargeView(
                charge.getString(StoredFields.ID),
                charge.getString(ChargeFields.STATUS),
                longValue(charge, ChargeFields.AMOUNT),
                longValue(charge, ChargeFields.AMOUNT_CAPTURED),
                longValue(charge, ChargeFields.AMOUNT_REFUNDED),
                flag(charge, ChargeFields.REFUNDED),
                flag(charge, ChargeFields.DISPUTED),
                charge.getString(ChargeFields.CURRENCY),
                charge.getString(ChargeFields.PAYMENT_METHOD_TYPE),
                CardView.of(nested(charge, ChargeFields.CARD)),
                charge.getString(ChargeFields.RECEIPT_URL),
                charge.getString(ChargeFields.FAILURE_CODE),
                charge.getString(ChargeFields.FAILURE_MESSAGE),
                instant(charge, ChargeFields.FUNDS_AVAILABLE_ON),
                instant(charge, CREATED));
    }
}
