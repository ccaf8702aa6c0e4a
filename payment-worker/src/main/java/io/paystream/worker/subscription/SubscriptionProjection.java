package io.paystream.worker.subscription;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.instant;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.StripeChange;
import io.paystream.events.domain.SubscriptionActivated;
import io.paystream.events.domain.SubscriptionCanceled;
import io.paystream.events.domain.SubscriptionRenewed;
import io.paystream.events.domain.SubscriptionWentPastDue;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions. Same-second ties follow the usual forward path incomplete, trialing, active, past_due, unpaid/paused:
 * within one second Stripe moves a subscription forward (created as incomplete and activated by the first payment;
 * a failed renewal making it past_due), while a recovery (past_due back to active) needs a new payment, which lands
 * in a later second. Then the current period end, which only grows with renewals. canceled and incomplete_expired are
 * terminal.
 */
@Component
public class SubscriptionProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(
                    List.of(SubscriptionFields.STATUS_INCOMPLETE),
                    List.of(SubscriptionFields.STATUS_TRIALING),
                    List.of(SubscriptionFields.STATUS_ACTIVE),
                    List.of(SubscriptionFields.STATUS_PAST_DUE),
                    List.of(SubscriptionFields.STATUS_UNPAID, SubscriptionFields.STATUS_PAUSED)),
            Set.of(SubscriptionFields.STATUS_CANCELED, SubscriptionFields.STATUS_INCOMPLETE_EXPIRED));

    private static final long PERIOD_SCALE = 100_000_000_000L;

    @Override
    public String objectType() {
        return "subscription";
    }

    @Override
    public String collection() {
        return SubscriptionFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode sub = event.object();
        JsonNode firstItem = sub.path("items").path("data").path(0);
        List<Document> items = new ArrayList<>();
        for (JsonNode item : sub.path("items").path("data")) {
            JsonNode price = item.path("price");
            items.add(new Document(SubscriptionFields.ITEM_ID, text(item, "id"))
                    .append(SubscriptionFields.ITEM_PRICE, text(item, "price"))
                    .append(SubscriptionFields.ITEM_PRODUCT, text(price, "product"))
                    .append(SubscriptionFields.ITEM_UNIT_AMOUNT, number(price, "unit_amount"))
                    .append(SubscriptionFields.ITEM_INTERVAL, text(price.path("recurring"), "interval"))
                    .append(SubscriptionFields.ITEM_QUANTITY, number(item, "quantity")));
        }
        return new Document(SubscriptionFields.STATUS, text(sub, "status"))
                .append(SubscriptionFields.CUSTOMER, text(sub, "customer"))
                .append(SubscriptionFields.CURRENCY, text(sub, "currency"))
                .append(SubscriptionFields.ITEMS, items)
                // Newer API versions moved the period onto the items.
                .append(SubscriptionFields.CURRENT_PERIOD_START, firstTime(sub, firstItem, "current_period_start"))
                .append(SubscriptionFields.CURRENT_PERIOD_END, firstTime(sub, firstItem, "current_period_end"))
                .append(SubscriptionFields.CANCEL_AT_PERIOD_END, flag(sub, "cancel_at_period_end"))
                .append(SubscriptionFields.CANCEL_AT, time(sub, "cancel_at"))
                .append(SubscriptionFields.CANCELED_AT, time(sub, "canceled_at"))
                .append(SubscriptionFields.ENDED_AT, time(sub, "ended_at"))
                .append(SubscriptionFields.TRIAL_START, time(sub, "trial_start"))
                .append(SubscriptionFields.TRIAL_END, time(sub, "trial_end"))
                .append(SubscriptionFields.LATEST_INVOICE, text(sub, "latest_invoice"))
                .append(StoredFields.STRIPE_CREATED, time(sub, "created"));
    }

    @Override
    public long precedence(Document state) {
        Date periodEnd = state.getDate(SubscriptionFields.CURRENT_PERIOD_END);
        long seconds = periodEnd == null ? 0 : Math.min(periodEnd.getTime() / 1000, PERIOD_SCALE - 1);
        return STATUS.rank(state.getString(SubscriptionFields.STATUS)) * PERIOD_SCALE + seconds;
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        String status = next.getString(SubscriptionFields.STATUS);
        List<DomainChange> changes = new ArrayList<>();
        if (changed(previous, next, SubscriptionFields.STATUS)) {
            switch (status == null ? "" : status) {
                case SubscriptionFields.STATUS_ACTIVE -> changes.add(change(SubscriptionActivated::new, next));
                case SubscriptionFields.STATUS_PAST_DUE -> changes.add(change(SubscriptionWentPastDue::new, next));
                case SubscriptionFields.STATUS_CANCELED -> changes.add(change(SubscriptionCanceled::new, next));
                default -> {}
            }
        } else if (SubscriptionFields.STATUS_ACTIVE.equals(status) && periodEnd(next) > periodEnd(previous)) {
            changes.add(change(SubscriptionRenewed::new, next));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(SubscriptionFields.CUSTOMER, 1));
    }

    private static long periodEnd(@Nullable Document state) {
        Date end = state == null ? null : state.getDate(SubscriptionFields.CURRENT_PERIOD_END);
        return end == null ? 0 : end.getTime();
    }

    private static @Nullable Date firstTime(JsonNode sub, JsonNode item, String field) {
        Date value = time(sub, field);
        return value != null ? value : time(item, field);
    }

    /** The constructor every subscription event's record has: they all carry the same fields. */
    @FunctionalInterface
    private interface SubscriptionChange {
        StripeChange of(
                String status,
                @Nullable String customer,
                String subscription,
                @Nullable String currency,
                @Nullable Instant currentPeriodEnd,
                @Nullable Boolean cancelAtPeriodEnd);
    }

    private static DomainChange change(SubscriptionChange type, Document state) {
        return new DomainChange(type.of(
                state.getString(SubscriptionFields.STATUS),
                state.getString(SubscriptionFields.CUSTOMER),
                state.getString(StoredFields.ID),
                state.getString(SubscriptionFields.CURRENCY),
                instant(state, SubscriptionFields.CURRENT_PERIOD_END),
                state.getBoolean(SubscriptionFields.CANCEL_AT_PERIOD_END)));
    }
}
