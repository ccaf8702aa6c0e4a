package io.paystream.worker.payout;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Payouts: pending, in_transit, then paid, failed or canceled (terminal; a paid payout can still fail later). */
@Component
public class PayoutProjection implements Projection {

    static final StatusRank STATUS =
            new StatusRank(List.of(List.of("pending"), List.of("in_transit")), Set.of("paid", "failed", "canceled"));

    @Override
    public String objectType() {
        return "payout";
    }

    @Override
    public String collection() {
        return "payouts";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode payout = event.object();
        return new Document("status", text(payout, "status"))
                .append("amount", number(payout, "amount"))
                .append("currency", text(payout, "currency"))
                .append("arrivalDate", time(payout, "arrival_date"))
                .append("method", text(payout, "method"))
                .append("type", text(payout, "type"))
                .append("automatic", flag(payout, "automatic"))
                .append("destination", text(payout, "destination"))
                .append("failureCode", text(payout, "failure_code"))
                .append("failureMessage", text(payout, "failure_message"))
                .append("stripeCreated", time(payout, "created"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        String status = next.getString("status");
        if (!changed(previous, next, "status")) {
            return List.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("amount", next.get("amount"));
        data.put("currency", next.get("currency"));
        data.put(
                "arrivalDate",
                next.getDate("arrivalDate") == null
                        ? null
                        : next.getDate("arrivalDate").toInstant().toString());
        if ("paid".equals(status)) {
            return List.of(new DomainChange(DomainEventTypes.PAYOUT_PAID, data));
        }
        if ("failed".equals(status)) {
            data.put("failureCode", next.get("failureCode"));
            data.put("failureMessage", next.get("failureMessage"));
            return List.of(new DomainChange(DomainEventTypes.PAYOUT_FAILED, data));
        }
        return List.of();
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("account", 1).append("livemode", 1).append("arrivalDate", -1));
    }
}
