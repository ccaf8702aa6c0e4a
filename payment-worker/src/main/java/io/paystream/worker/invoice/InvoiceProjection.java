package io.paystream.worker.invoice;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.instant;
import static io.paystream.worker.apply.Fields.longOr;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.InvoicePaid;
import io.paystream.events.domain.InvoicePaymentFailed;
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
 * Invoices: draft, open, uncollectible, then paid or void (terminal). Within a status the attempt count orders
 * same-second events (each failed attempt raises it). So {@code invoice.paid} beats an {@code invoice.updated} of the
 * same second that still says open, whatever the arrival order.
 */
@Component
public class InvoiceProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(
                    List.of(InvoiceFields.STATUS_DRAFT),
                    List.of(InvoiceFields.STATUS_OPEN),
                    List.of(InvoiceFields.STATUS_UNCOLLECTIBLE)),
            Set.of(InvoiceFields.STATUS_PAID, InvoiceFields.STATUS_VOID));

    @Override
    public String objectType() {
        return "invoice";
    }

    @Override
    public String collection() {
        return InvoiceFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode invoice = event.object();
        return new Document(InvoiceFields.STATUS, text(invoice, "status"))
                .append(InvoiceFields.CUSTOMER, text(invoice, "customer"))
                .append(InvoiceFields.SUBSCRIPTION, subscription(invoice))
                .append(InvoiceFields.NUMBER, text(invoice, "number"))
                .append(InvoiceFields.BILLING_REASON, text(invoice, "billing_reason"))
                .append(InvoiceFields.AMOUNT_DUE, number(invoice, "amount_due"))
                .append(InvoiceFields.AMOUNT_PAID, number(invoice, "amount_paid"))
                .append(InvoiceFields.AMOUNT_REMAINING, number(invoice, "amount_remaining"))
                .append(InvoiceFields.CURRENCY, text(invoice, "currency"))
                .append(InvoiceFields.HOSTED_INVOICE_URL, text(invoice, "hosted_invoice_url"))
                .append(InvoiceFields.INVOICE_PDF, text(invoice, "invoice_pdf"))
                .append(InvoiceFields.ATTEMPT_COUNT, number(invoice, "attempt_count"))
                .append(InvoiceFields.NEXT_PAYMENT_ATTEMPT, time(invoice, "next_payment_attempt"))
                .append(InvoiceFields.PERIOD_START, time(invoice, "period_start"))
                .append(InvoiceFields.PERIOD_END, time(invoice, "period_end"))
                .append(StoredFields.STRIPE_CREATED, time(invoice, "created"));
    }

    @Override
    public long precedence(Document state) {
        return STATUS.rank(state.getString(InvoiceFields.STATUS)) * 1_000_000L
                + Math.min(longOr(state, InvoiceFields.ATTEMPT_COUNT, 0), 999_999);
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        List<DomainChange> changes = new ArrayList<>();
        String status = next.getString(InvoiceFields.STATUS);
        if (InvoiceFields.STATUS_PAID.equals(status) && changed(previous, next, InvoiceFields.STATUS)) {
            changes.add(new DomainChange(new InvoicePaid(
                    InvoiceFields.STATUS_PAID,
                    next.getString(InvoiceFields.CURRENCY),
                    next.getString(InvoiceFields.CUSTOMER),
                    next.getString(InvoiceFields.SUBSCRIPTION),
                    next.getString(StoredFields.ID),
                    next.getLong(InvoiceFields.AMOUNT_PAID))));
        }
        boolean stillOwed =
                InvoiceFields.STATUS_OPEN.equals(status) || InvoiceFields.STATUS_UNCOLLECTIBLE.equals(status);
        if (stillOwed
                && longOr(next, InvoiceFields.ATTEMPT_COUNT, 0) > longOr(previous, InvoiceFields.ATTEMPT_COUNT, 0)) {
            changes.add(new DomainChange(new InvoicePaymentFailed(
                    status,
                    next.getString(InvoiceFields.CURRENCY),
                    next.getString(InvoiceFields.CUSTOMER),
                    next.getString(InvoiceFields.SUBSCRIPTION),
                    next.getString(StoredFields.ID),
                    next.getLong(InvoiceFields.AMOUNT_REMAINING),
                    longOr(next, InvoiceFields.ATTEMPT_COUNT, 0),
                    instant(next, InvoiceFields.NEXT_PAYMENT_ATTEMPT))));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(InvoiceFields.SUBSCRIPTION, 1), new Document(InvoiceFields.CUSTOMER, 1));
    }

    /** Older API versions: {@code subscription}; 2025 and later: {@code parent.subscription_details.subscription}. */
    private static @Nullable String subscription(JsonNode invoice) {
        String direct = text(invoice, "subscription");
        return direct != null ? direct : text(invoice.path("parent").path("subscription_details"), "subscription");
    }
}
