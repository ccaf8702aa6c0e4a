package io.paystream.worker.query.payment;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.nested;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;

@Schema(name = "Charge", description = "One charge attempt of a payment.")
record ChargeView(
        @Schema(description = "Stripe charge id (ch_...).") String id,

        @Schema(description = "pending, succeeded or failed.")
        String status,

        @Schema(description = "Amount in minor units.") Long amount,

        @Schema(description = "Amount captured, minor units.")
        Long amountCaptured,

        @Schema(description = "Amount refunded so far, minor units.")
        Long amountRefunded,

        @Schema(description = "Whether the charge is fully refunded.")
        Boolean refunded,

        @Schema(description = "Whether the charge is disputed.")
        Boolean disputed,

        @Schema(description = "Three-letter ISO currency code, lower case.")
        String currency,

        @Schema(description = "Payment method type, e.g. card.")
        String paymentMethodType,

        @Schema(description = "Card used, if a card.") CardView card,
        @Schema(description = "Stripe-hosted receipt.") String receiptUrl,

        @Schema(description = "Failure or decline code of a failed charge.")
        String failureCode,

        @Schema(description = "Failure message of a failed charge.")
        String failureMessage,

        @Schema(description = "When the funds become available, where the event data says so.")
        Instant fundsAvailableOn,

        @Schema(description = "Stripe's created time.") Instant created) {

    static ChargeView of(Document charge) {
        return new ChargeView(
                charge.getString("_id"),
                charge.getString("status"),
                longValue(charge, "amount"),
                longValue(charge, "amountCaptured"),
                longValue(charge, "amountRefunded"),
                flag(charge, "refunded"),
                flag(charge, "disputed"),
                charge.getString("currency"),
                charge.getString("paymentMethodType"),
                CardView.of(nested(charge, "card")),
                charge.getString("receiptUrl"),
                charge.getString("failureCode"),
                charge.getString("failureMessage"),
                instant(charge, "fundsAvailableOn"),
                instant(charge, CREATED));
    }
}
