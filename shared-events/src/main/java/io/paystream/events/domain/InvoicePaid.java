package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invoice reached {@code paid}. Subject: the invoice id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code paid}
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer ({@code cus_...})
 * @param subscription the subscription it bills, {@code null} for a one-off invoice
 * @param invoice the invoice ({@code in_...}), same as the subject
 * @param amount what was paid ({@code amount_paid}), minor units
 */
public record InvoicePaid(
        String status,
        @Nullable String currency,
        @Nullable String customer,
        @Nullable String subscription,
        String invoice,
        @Nullable Long amount)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.INVOICE_PAID;

    public InvoicePaid {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(invoice, "invoice");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
