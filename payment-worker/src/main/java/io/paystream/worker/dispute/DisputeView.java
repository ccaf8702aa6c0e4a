package io.paystream.worker.dispute;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;

import io.paystream.worker.apply.StoredFields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Dispute", description = "A chargeback on the payment.")
public record DisputeView(
        @Schema(description = "Stripe dispute id (du_ or dp_...).")
        String id,

        @Schema(
                description = "warning_needs_response, warning_under_review, warning_closed, needs_response,"
                        + " under_review, won or lost.")
        @Nullable
        String status,

        @Schema(description = "The card network's reason, e.g. fraudulent.") @Nullable
        String reason,

        @Schema(description = "Disputed amount, minor units.") @Nullable
        Long amount,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "The disputed charge.") @Nullable
        String charge,

        @Schema(description = "Deadline for submitting evidence.") @Nullable
        Instant evidenceDueBy,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created) {

    public static DisputeView of(Document dispute) {
        return new DisputeView(
                dispute.getString(StoredFields.ID),
                dispute.getString(DisputeFields.STATUS),
                dispute.getString(DisputeFields.REASON),
                longValue(dispute, DisputeFields.AMOUNT),
                dispute.getString(DisputeFields.CURRENCY),
                dispute.getString(DisputeFields.CHARGE),
                instant(dispute, DisputeFields.EVIDENCE_DUE_BY),
                instant(dispute, CREATED));
    }
}
