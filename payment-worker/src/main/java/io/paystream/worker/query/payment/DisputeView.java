package io.paystream.worker.query.payment;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;

@Schema(name = "Dispute", description = "A chargeback on the payment.")
record DisputeView(
        @Schema(description = "Stripe dispute id (du_ or dp_...).")
        String id,

        @Schema(
                description = "warning_needs_response, warning_under_review, warning_closed, needs_response,"
                        + " under_review, won or lost.")
        String status,

        @Schema(description = "The card network's reason, e.g. fraudulent.")
        String reason,

        @Schema(description = "Disputed amount, minor units.")
        Long amount,

        @Schema(description = "Three-letter ISO currency code, lower case.")
        String currency,

        @Schema(description = "The disputed charge.") String charge,

        @Schema(description = "Deadline for submitting evidence.")
        Instant evidenceDueBy,

        @Schema(description = "Stripe's created time.") Instant created) {

    static DisputeView of(Document dispute) {
        return new DisputeView(
                dispute.getString("_id"),
                dispute.getString("status"),
                dispute.getString("reason"),
                longValue(dispute, "amount"),
                dispute.getString("currency"),
                dispute.getString("charge"),
                instant(dispute, "evidenceDueBy"),
                instant(dispute, CREATED));
    }
}
