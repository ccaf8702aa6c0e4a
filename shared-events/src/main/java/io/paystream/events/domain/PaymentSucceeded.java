package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PaymentIntent reached {@code succeeded}. Subject: the PaymentIntent id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code succeeded}
 * @param amount the intended amount, minor units
 * @param amountReceived what was received, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer ({@code cus_...}), {@code null} for a guest payment
 * @param paymentIntent the PaymentIntent ({@code pi_...}), same as the subject
 * @param charge the latest charge ({@code ch_...}): the one that paid
 */
public record PaymentSucceeded(
        String status,
        @Nullable Long amount,
        @Nullable Long amountReceived,
        @Nullable String currency,
        @Nullable String customer,
        String paymentIntent,
        @Nullable String charge)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.PAYMENT_SUCCEEDED;

    public PaymentSucceeded {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentIntent, "paymentIntent");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
