package io.paystream.worker.refund;

import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Refunds. The payment's refunded total lives on the charge ({@code charges.amountRefunded}), which also emits
 * {@code payment.refunded}: one domain event per refunded-total increase, however many refund events Stripe sends.
 */
@Component
public class RefundProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(List.of("pending"), List.of("requires_action")), Set.of("succeeded", "failed", "canceled"));

    @Override
    public String objectType() {
        return "refund";
    }

    @Override
    public String collection() {
        return RefundFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode refund = event.object();
        return new Document(RefundFields.STATUS, text(refund, "status"))
                .append(RefundFields.AMOUNT, number(refund, "amount"))
                .append(RefundFields.CURRENCY, text(refund, "currency"))
                .append(RefundFields.REASON, text(refund, "reason"))
                .append(RefundFields.CHARGE, text(refund, "charge"))
                .append(RefundFields.PAYMENT_INTENT, text(refund, "payment_intent"))
                .append(RefundFields.FAILURE_REASON, text(refund, "failure_reason"))
                .append(StoredFields.STRIPE_CREATED, time(refund, "created"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(RefundFields.PAYMENT_INTENT, 1), new Document(RefundFields.CHARGE, 1));
    }
}
