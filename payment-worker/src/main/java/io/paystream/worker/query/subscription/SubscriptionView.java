package io.paystream.worker.query.subscription;

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

@Schema(name = "Subscription", description = "A subscription's status, items and billing period.")
record SubscriptionView(
        @Schema(description = "Subscription id (sub_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = SubscriptionQueries.STATUS_DESCRIPTION)
        String status,

        @Schema(description = "Customer id (cus_...).") String customer,

        @Schema(description = "Three-letter ISO currency code, lower case.")
        String currency,

        @Schema(description = "Prices and quantities.") List<SubscriptionItemView> items,

        @Schema(description = "Start of the current billing period.")
        Instant currentPeriodStart,

        @Schema(description = "End of the current billing period.")
        Instant currentPeriodEnd,

        @Schema(description = "Whether it cancels at the end of the current period.")
        Boolean cancelAtPeriodEnd,

        @Schema(description = "When it is scheduled to cancel.")
        Instant cancelAt,

        @Schema(description = "When cancellation was requested.")
        Instant canceledAt,

        @Schema(description = "When it ended.") Instant endedAt,
        @Schema(description = "Start of the trial.") Instant trialStart,
        @Schema(description = "End of the trial.") Instant trialEnd,

        @Schema(description = "The latest invoice id (in_...).")
        String latestInvoice,

        @Schema(description = "Stripe's created time.") Instant created,

        @Schema(description = "When the worker last changed this state.")
        Instant updatedAt,

        @Schema(description = "The Stripe event this state comes from.")
        String lastEventId) {

    static SubscriptionView of(Document sub) {
        StoredMeta meta = meta(sub);
        return new SubscriptionView(
                meta.id(),
                meta.account(),
                meta.livemode(),
                sub.getString("status"),
                sub.getString("customer"),
                sub.getString("currency"),
                documents(sub, "items").stream().map(SubscriptionItemView::of).toList(),
                instant(sub, "currentPeriodStart"),
                instant(sub, "currentPeriodEnd"),
                flag(sub, "cancelAtPeriodEnd"),
                instant(sub, "cancelAt"),
                instant(sub, "canceledAt"),
                instant(sub, "endedAt"),
                instant(sub, "trialStart"),
                instant(sub, "trialEnd"),
                sub.getString("latestInvoice"),
                instant(sub, CREATED),
                meta.updatedAt(),
                meta.lastEventId());
    }
}
