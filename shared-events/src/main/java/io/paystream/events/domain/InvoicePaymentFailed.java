package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment attempt on an invoice that is still owed failed (its attempt count grew). Subject: the invoice id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status {@code open} or {@code uncollectible}
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer ({@code cus_...})
 * @param subscription the subscription it bills, {@code null} for a one-off invoice
 * @param invoice the invoice ({@code in_...}), same as the subject
 * @param amount what is still owed ({@code amount_remaining}), minor units
 * @param attemptCount how many payment attempts failed so far
 * @param nextPaymentAttempt when Stripe retries, {@code null} when it will not
 */
public record InvoicePaymentFailed(
        String status,
        @Nullable String currency,
        @Nullable String customer,
        @Nullable String subscription,
        String invoice,
        @Nullable Long amount,
        long attemptCount,
        @Nullable Instant nextPaymentAttempt)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.INVOICE_PAYMENT_FAILED;

    public InvoicePaymentFailed {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(invoice, "invoice");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
