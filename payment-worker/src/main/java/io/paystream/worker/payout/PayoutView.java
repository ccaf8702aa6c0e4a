package io.paystream.worker.payout;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.meta;

import io.paystream.worker.query.StoredValues.StoredMeta;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Payout", description = "A payout to a bank account or card.")
record PayoutView(
        @Schema(description = "Payout id (po_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...) paid out.")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = PayoutFields.STATUS_DESCRIPTION) @Nullable
        String status,

        @Schema(description = "Amount, minor units.") @Nullable
        Long amount,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "When the payout is expected to arrive (or arrived) in the bank.") @Nullable
        Instant arrivalDate,

        @Schema(description = "standard or instant.") @Nullable
        String method,

        @Schema(description = "bank_account or card.") @Nullable
        String type,

        @Schema(description = "Whether Stripe created it on the payout schedule.") @Nullable
        Boolean automatic,

        @Schema(description = "Why it failed, e.g. account_closed.") @Nullable
        String failureCode,

        @Schema(description = "Failure explanation.") @Nullable
        String failureMessage,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event this state comes from.") @Nullable
        String lastEventId) {

    static PayoutView of(Document payout) {
        StoredMeta meta = meta(payout);
        return new PayoutView(
                meta.id(),
                meta.account(),
                meta.livemode(),
                payout.getString(PayoutFields.STATUS),
                longValue(payout, PayoutFields.AMOUNT),
                payout.getString(PayoutFields.CURRENCY),
                instant(payout, PayoutFields.ARRIVAL_DATE),
                payout.getString(PayoutFields.METHOD),
                payout.getString(PayoutFields.TYPE),
                flag(payout, PayoutFields.AUTOMATIC),
                payout.getString(PayoutFields.FAILURE_CODE),
                payout.getString(PayoutFields.FAILURE_MESSAGE),
                instant(payout, CREATED),
                meta.updatedAt(),
                meta.lastEventId());
    }
}
