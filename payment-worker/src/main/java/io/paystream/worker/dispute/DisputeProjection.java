package io.paystream.worker.dispute;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Disputes (chargebacks). {@code dispute.opened} is emitted when the dispute is first seen, whatever its status, so a
 * dispute whose closing event arrives first still reports both facts.
 */
@Component
public class DisputeProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(
                    List.of("warning_needs_response"),
                    List.of("warning_under_review"),
                    List.of("needs_response"),
                    List.of("under_review")),
            Set.of("won", "lost", "warning_closed"));

    @Override
    public String objectType() {
        return "dispute";
    }

    @Override
    public String collection() {
        return "disputes";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode dispute = event.object();
        return new Document("status", text(dispute, "status"))
                .append("reason", text(dispute, "reason"))
                .append("amount", number(dispute, "amount"))
                .append("currency", text(dispute, "currency"))
                .append("charge", text(dispute, "charge"))
                .append("paymentIntent", text(dispute, "payment_intent"))
                .append("evidenceDueBy", time(dispute.path("evidence_details"), "due_by"))
                .append("isChargeRefundable", flag(dispute, "is_charge_refundable"))
                .append("stripeCreated", time(dispute, "created"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        List<DomainChange> changes = new ArrayList<>();
        if (previous == null) {
            changes.add(new DomainChange(DomainEventTypes.DISPUTE_OPENED, payload(next)));
        }
        boolean wasClosed = previous != null && STATUS.isTerminal(previous.getString("status"));
        if (terminal(next) && !wasClosed) {
            changes.add(new DomainChange(DomainEventTypes.DISPUTE_CLOSED, payload(next)));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("paymentIntent", 1), new Document("charge", 1));
    }

    private static Map<String, Object> payload(Document state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", state.get("status"));
        data.put("reason", state.get("reason"));
        data.put("amount", state.get("amount"));
        data.put("currency", state.get("currency"));
        data.put("charge", state.get("charge"));
        data.put("paymentIntent", state.get("paymentIntent"));
        return data;
    }
}
