package io.paystream.worker.payment;

import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.longOr;
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

/**
 * Charges: the receipt, the card summary, and the payment's refunded total ({@code amountRefunded}), which Stripe
 * keeps on the charge and which only grows, so it also orders same-second charge events.
 */
@Component
public class ChargeProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(List.of(List.of("pending")), Set.of("succeeded", "failed"));

    @Override
    public String objectType() {
        return "charge";
    }

    @Override
    public String collection() {
        return "charges";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode charge = event.object();
        JsonNode details = charge.path("payment_method_details");
        JsonNode balanceTransaction = charge.path("balance_transaction");
        return new Document("status", text(charge, "status"))
                .append("amount", number(charge, "amount"))
                .append("amountCaptured", number(charge, "amount_captured"))
                .append("amountRefunded", number(charge, "amount_refunded"))
                .append("refunded", flag(charge, "refunded"))
                .append("captured", flag(charge, "captured"))
                .append("disputed", flag(charge, "disputed"))
                .append("currency", text(charge, "currency"))
                .append("customer", text(charge, "customer"))
                .append("paymentIntent", text(charge, "payment_intent"))
                .append("receiptUrl", text(charge, "receipt_url"))
                .append("failureCode", text(charge, "failure_code"))
                .append("failureMessage", text(charge, "failure_message"))
                .append("paymentMethodType", text(details, "type"))
                .append("card", PaymentMethodSummary.card(details))
                .append("balanceTransaction", text(charge, "balance_transaction"))
                // Only an expanded balance transaction says when the funds become available.
                .append(
                        "fundsAvailableOn",
                        balanceTransaction.isObject() ? time(balanceTransaction, "available_on") : null)
                .append("stripeCreated", time(charge, "created"));
    }

    @Override
    public long precedence(Document state) {
        long refunded = Math.min(longOr(state, "amountRefunded", 0), 999_999_999_999L);
        return STATUS.rank(state.getString("status")) * 1_000_000_000_000L + refunded;
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        long before = longOr(previous, "amountRefunded", 0);
        long after = longOr(next, "amountRefunded", 0);
        if (after <= before) {
            return List.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", Boolean.TRUE.equals(next.get("refunded")) ? "refunded" : "partially_refunded");
        data.put("amount", next.get("amount"));
        data.put("amountRefunded", after);
        data.put("currency", next.get("currency"));
        data.put("customer", next.get("customer"));
        data.put("paymentIntent", next.get("paymentIntent"));
        data.put("charge", next.get("_id"));
        return List.of(new DomainChange(DomainEventTypes.PAYMENT_REFUNDED, data));
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("paymentIntent", 1));
    }
}
