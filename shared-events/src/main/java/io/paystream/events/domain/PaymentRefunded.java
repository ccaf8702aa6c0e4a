package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A charge's refunded total grew: once per refund, partial or full. Subject: the charge id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status {@code refunded} when the whole charge is refunded, else {@code partially_refunded}
 * @param amount the charge's amount, minor units
 * @param amountRefunded the total refunded so far (not this refund alone), minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer ({@code cus_...}), {@code null} for a guest payment
 * @param paymentIntent the PaymentIntent the charge belongs to
 * @param charge the charge ({@code ch_...}), same as the subject
 */
public record PaymentRefunded(
        String status,
        @Nullable Long amount,
        long amountRefunded,
        @Nullable String currency,
        @Nullable String customer,
        @Nullable String paymentIntent,
        String charge)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.PAYMENT_REFUNDED;

    public PaymentRefunded {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(charge, "charge");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
