package io.paystream.worker.subscription;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.documents;
import static io.paystream.worker.query.StoredValues.flag;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.meta;

import io.paystream.worker.query.StoredValues.StoredMeta;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Subscription", description = "A subscription's status, items and billing period.")
record SubscriptionView(
        @Schema(description = "Subscription id (sub_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = SubscriptionFields.STATUS_DESCRIPTION) @Nullable
        String status,

        @Schema(description = "Customer id (cus_...).") @Nullable
        String customer,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "Prices and quantities.") List<SubscriptionItemView> items,

        @Schema(description = "Start of the current billing period.") @Nullable
        Instant currentPeriodStart,

        @Schema(description = "End of the current billing period.") @Nullable
        Instant currentPeriodEnd,

        @Schema(description = "Whether it cancels at the end of the current period.") @Nullable
        Boolean cancelAtPeriodEnd,

        @Schema(description = "When it is scheduled to cancel.") @Nullable
        Instant cancelAt,

        @Schema(description = "When cancellation was requested.") @Nullable
        Instant canceledAt,

        @Schema(description = "When it ended.") @Nullable Instant endedAt,

        @Schema(description = "Start of the trial.") @Nullable
        Instant trialStart,

        @Schema(description = "End of the trial.") @Nullable Instant trialEnd,

        @Schema(description = "The latest invoice id (in_...).") @Nullable
        String latestInvoice,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event this state comes from.") @Nullable
        String lastEventId) {

    static SubscriptionView of(Document sub) {
        StoredMeta meta = meta(sub);
        return new SubscriptionView(
                meta.id(),
                meta.account(),
                meta.livemode(),
                sub.getString(SubscriptionFields.STATUS),
                sub.getString(SubscriptionFields.CUSTOMER),
                sub.getString(SubscriptionFields.CURRENCY),
                documents(sub, SubscriptionFields.ITEMS).stream()
                        .map(SubscriptionItemView::of)
                        .toList(),
                instant(sub, SubscriptionFields.CURRENT_PERIOD_START),
                instant(sub, SubscriptionFields.CURRENT_PERIOD_END),
                flag(sub, SubscriptionFields.CANCEL_AT_PERIOD_END),
                instant(sub, SubscriptionFields.CANCEL_AT),
                instant(sub, SubscriptionFields.CANCELED_AT),
                instant(sub, SubscriptionFields.ENDED_AT),
                instant(sub, SubscriptionFields.TRIAL_START),
                instant(sub, SubscriptionFields.TRIAL_END),
                sub.getString(SubscriptionFields.LATEST_INVOICE),
                instant(sub, CREATED),
                meta.updatedAt(),
                meta.lastEventId());
    }
}
