package io.paystream.worker.invoice;

import static io.paystream.worker.query.StoredValues.CREATED;
import static io.paystream.worker.query.StoredValues.instant;
import static io.paystream.worker.query.StoredValues.integer;
import static io.paystream.worker.query.StoredValues.longValue;
import static io.paystream.worker.query.StoredValues.meta;

import io.paystream.worker.query.StoredValues.StoredMeta;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Invoice", description = "An invoice's amounts, links and collection attempts.")
record InvoiceView(
        @Schema(description = "Invoice id (in_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = InvoiceFields.STATUS_DESCRIPTION) @Nullable
        String status,

        @Schema(description = "Customer id (cus_...).") @Nullable
        String customer,

        @Schema(description = "Subscription id (sub_...), if a subscription invoice.") @Nullable
        String subscription,

        @Schema(description = "The invoice number shown to the customer.") @Nullable
        String number,

        @Schema(description = "Why it was created, e.g. subscription_cycle.") @Nullable
        String billingReason,

        @Schema(description = "Amount due, minor units.") @Nullable
        Long amountDue,

        @Schema(description = "Amount paid, minor units.") @Nullable
        Long amountPaid,

        @Schema(description = "Amount remaining, minor units.") @Nullable
        Long amountRemaining,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "Stripe-hosted invoice page.") @Nullable
        String hostedInvoiceUrl,

        @Schema(description = "Invoice PDF.") @Nullable String invoicePdf,

        @Schema(description = "Payment attempts so far.") @Nullable
        Integer attemptCount,

        @Schema(description = "When Stripe retries collection next; null when it will not.") @Nullable
        Instant nextPaymentAttempt,

        @Schema(description = "Start of the billed period.") @Nullable
        Instant periodStart,

        @Schema(description = "End of the billed period.") @Nullable
        Instant periodEnd,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event this state comes from.") @Nullable
        String lastEventId) {

    static InvoiceView of(Document invoice) {
        StoredMeta meta = meta(invoice);
        return new InvoiceView(
                meta.id(),
                meta.account(),
                meta.livemode(),
                invoice.getString(InvoiceFields.STATUS),
                invoice.getString(InvoiceFields.CUSTOMER),
                invoice.getString(InvoiceFields.SUBSCRIPTION),
                invoice.getString(InvoiceFields.NUMBER),
                invoice.getString(InvoiceFields.BILLING_REASON),
                longValue(invoice, InvoiceFields.AMOUNT_DUE),
                longValue(invoice, InvoiceFields.AMOUNT_PAID),
                longValue(invoice, InvoiceFields.AMOUNT_REMAINING),
                invoice.getString(InvoiceFields.CURRENCY),
                invoice.getString(InvoiceFields.HOSTED_INVOICE_URL),
                invoice.getString(InvoiceFields.INVOICE_PDF),
                integer(invoice, InvoiceFields.ATTEMPT_COUNT),
                instant(invoice, InvoiceFields.NEXT_PAYMENT_ATTEMPT),
                instant(invoice, InvoiceFields.PERIOD_START),
                instant(invoice, InvoiceFields.PERIOD_END),
                instant(invoice, CREATED),
                meta.updatedAt(),
                meta.lastEventId());
    }
}
