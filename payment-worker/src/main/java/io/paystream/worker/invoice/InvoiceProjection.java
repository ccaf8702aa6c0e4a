package io.paystream.worker.invoice;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.longOr;
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
 * Invoices: draft, open, uncollectible, then paid or void (terminal). Within a status the attempt count orders
 * same-second events (each failed attempt raises it). So {@code invoice.paid} beats an {@code invoice.updated} of the
 * same second that still says open, whatever the arrival order.
 */
@Component
public class InvoiceProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(List.of("draft"), List.of("open"), List.of("uncollectible")), Set.of("paid", "void"));

    @Override
    public String objectType() {
        return "invoice";
    }

    @Override
    public String collection() {
        return "invoices";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode invoice = event.object();
        return new Document("status", text(invoice, "status"))
                .append("customer", text(invoice, "customer"))
                .append("subscription", subscription(invoice))
                .append("number", text(invoice, "number"))
                .append("billingReason", text(invoice, "billing_reason"))
                .append("amountDue", number(invoice, "amount_due"))
                .append("amountPaid", number(invoice, "amount_paid"))
                .append("amountRemaining", number(invoice, "amount_remaining"))
                .append("currency", text(invoice, "currency"))
                .append("hostedInvoiceUrl", text(invoice, "hosted_invoice_url"))
                .append("invoicePdf", text(invoice, "invoice_pdf"))
                .append("attemptCount", number(invoice, "attempt_count"))
                .append("nextPaymentAttempt", time(invoice, "next_payment_attempt"))
                .append("periodStart", time(invoice, "period_start"))
                .append("periodEnd", time(invoice, "period_end"))
                .append("stripeCreated", time(invoice, "created"));
    }

    @Override
    public long precedence(Document state) {
        return STATUS.rank(state.getString("status")) * 1_000_000L
                + Math.min(longOr(state, "attemptCount", 0), 999_999);
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        List<DomainChange> changes = new ArrayList<>();
        String status = next.getString("status");
        if ("paid".equals(status) && changed(previous, next, "status")) {
            Map<String, Object> data = payload(next);
            data.put("amount", next.get("amountPaid"));
            changes.add(new DomainChange(DomainEventTypes.INVOICE_PAID, data));
        }
        boolean stillOwed = "open".equals(status) || "uncollectible".equals(status);
        if (stillOwed && longOr(next, "attemptCount", 0) > longOr(previous, "attemptCount", 0)) {
            Map<String, Object> data = payload(next);
            data.put("amount", next.get("amountRemaining"));
            data.put("attemptCount", next.get("attemptCount"));
            data.put(
                    "nextPaymentAttempt",
                    next.getDate("nextPaymentAttempt") == null
                            ? null
                            : next.getDate("nextPaymentAttempt").toInstant().toString());
            changes.add(new DomainChange(DomainEventTypes.INVOICE_PAYMENT_FAILED, data));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("subscription", 1), new Document("customer", 1));
    }

    private static Map<String, Object> payload(Document state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", state.get("status"));
        data.put("currency", state.get("currency"));
        data.put("customer", state.get("customer"));
        data.put("subscription", state.get("subscription"));
        data.put("invoice", state.get("_id"));
        return data;
    }

    /** Older API versions: {@code subscription}; 2025 and later: {@code parent.subscription_details.subscription}. */
    private static String subscription(JsonNode invoice) {
        String direct = text(invoice, "subscription");
        return direct != null ? direct : text(invoice.path("parent").path("subscription_details"), "subscription");
    }
}
