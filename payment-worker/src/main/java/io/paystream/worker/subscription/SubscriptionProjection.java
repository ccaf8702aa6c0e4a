package io.paystream.worker.subscription;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StripeEvent;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
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
                    List.of("incomplete"),
                    List.of("trialing"),
                    List.of("active"),
                    List.of("past_due"),
                    List.of("unpaid", "paused")),
            Set.of("canceled", "incomplete_expired"));

    private static final long PERIOD_SCALE = 100_000_000_000L;

    @Override
    public String objectType() {
        return "subscription";
    }

    @Override
    public String collection() {
        return "subscriptions";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode sub = event.object();
        JsonNode firstItem = sub.path("items").path("data").path(0);
        List<Document> items = new ArrayList<>();
        for (JsonNode item : sub.path("items").path("data")) {
            JsonNode price = item.path("price");
            items.add(new Document("id", text(item, "id"))
                    .append("price", text(item, "price"))
                    .append("product", text(price, "product"))
                    .append("unitAmount", number(price, "unit_amount"))
                    .append("interval", text(price.path("recurring"), "interval"))
                    .append("quantity", number(item, "quantity")));
        }
        return new Document("status", text(sub, "status"))
                .append("customer", text(sub, "customer"))
                .append("currency", text(sub, "currency"))
                .append("items", items)
                // Newer API versions moved the period onto the items.
                .append("currentPeriodStart", firstTime(sub, firstItem, "current_period_start"))
                .append("currentPeriodEnd", firstTime(sub, firstItem, "current_period_end"))
                .append("cancelAtPeriodEnd", flag(sub, "cancel_at_period_end"))
                .append("cancelAt", time(sub, "cancel_at"))
                .append("canceledAt", time(sub, "canceled_at"))
                .append("endedAt", time(sub, "ended_at"))
                .append("trialStart", time(sub, "trial_start"))
                .append("trialEnd", time(sub, "trial_end"))
                .append("latestInvoice", text(sub, "latest_invoice"))
                .append("stripeCreated", time(sub, "created"));
    }

    @Override
    public long precedence(Document state) {
        Date periodEnd = state.getDate("currentPeriodEnd");
        long seconds = periodEnd == null ? 0 : Math.min(periodEnd.getTime() / 1000, PERIOD_SCALE - 1);
        return STATUS.rank(state.getString("status")) * PERIOD_SCALE + seconds;
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        String status = next.getString("status");
        List<DomainChange> changes = new ArrayList<>();
        if (changed(previous, next, "status")) {
            switch (status == null ? "" : status) {
                case "active" -> changes.add(new DomainChange(DomainEventTypes.SUBSCRIPTION_ACTIVATED, payload(next)));
                case "past_due" -> changes.add(new DomainChange(DomainEventTypes.SUBSCRIPTION_PAST_DUE, payload(next)));
                case "canceled" -> changes.add(new DomainChange(DomainEventTypes.SUBSCRIPTION_CANCELED, payload(next)));
                default -> {}
            }
        } else if ("active".equals(status) && periodEnd(next) > periodEnd(previous)) {
            changes.add(new DomainChange(DomainEventTypes.SUBSCRIPTION_RENEWED, payload(next)));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("customer", 1));
    }

    private static long periodEnd(Document state) {
        Date end = state == null ? null : state.getDate("currentPeriodEnd");
        return end == null ? 0 : end.getTime();
    }

    private static Date firstTime(JsonNode sub, JsonNode item, String field) {
        Date value = time(sub, field);
        return value != null ? value : time(item, field);
    }

    private static Map<String, Object> payload(Document state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", state.get("status"));
        data.put("customer", state.get("customer"));
        data.put("subscription", state.get("_id"));
        data.put("currency", state.get("currency"));
        data.put(
                "currentPeriodEnd",
                state.getDate("currentPeriodEnd") == null
                        ? null
                        : state.getDate("currentPeriodEnd").toInstant().toString());
        data.put("cancelAtPeriodEnd", state.get("cancelAtPeriodEnd"));
        return data;
    }
}
