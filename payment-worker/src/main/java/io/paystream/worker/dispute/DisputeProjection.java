package io.paystream.worker.dispute;

import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.DisputeClosed;
import io.paystream.events.domain.DisputeOpened;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
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
        return DisputeFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode dispute = event.object();
        return new Document(DisputeFields.STATUS, text(dispute, "status"))
                .append(DisputeFields.REASON, text(dispute, "reason"))
                .append(DisputeFields.AMOUNT, number(dispute, "amount"))
                .append(DisputeFields.CURRENCY, text(dispute, "currency"))
                .append(DisputeFields.CHARGE, text(dispute, "charge"))
                .append(DisputeFields.PAYMENT_INTENT, text(dispute, "payment_intent"))
                .append(DisputeFields.EVIDENCE_DUE_BY, time(dispute.path("evidence_details"), "due_by"))
                .append(DisputeFields.IS_CHARGE_REFUNDABLE, flag(dispute, "is_charge_refundable"))
                .append(StoredFields.STRIPE_CREATED, time(dispute, "created"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        String status = next.getString(DisputeFields.STATUS);
        String reason = next.getString(DisputeFields.REASON);
        Long amount = next.getLong(DisputeFields.AMOUNT);
        String currency = next.getString(DisputeFields.CURRENCY);
        String charge = next.getString(DisputeFields.CHARGE);
        String paymentIntent = next.getString(DisputeFields.PAYMENT_INTENT);
        List<DomainChange> changes = new ArrayList<>();
        if (previous == null) {
            changes.add(new DomainChange(new DisputeOpened(status, reason, amount, currency, charge, paymentIntent)));
        }
        boolean wasClosed = previous != null && STATUS.isTerminal(previous.getString(DisputeFields.STATUS));
        if (terminal(next) && !wasClosed) {
            changes.add(new DomainChange(new DisputeClosed(status, reason, amount, currency, charge, paymentIntent)));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(DisputeFields.PAYMENT_INTENT, 1), new Document(DisputeFields.CHARGE, 1));
    }
}
