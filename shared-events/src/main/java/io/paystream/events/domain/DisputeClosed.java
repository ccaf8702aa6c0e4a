package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dispute reached a final status. Subject: the dispute id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status {@code won}, {@code lost} or {@code warning_closed}
 * @param reason Stripe's reason, e.g. {@code fraudulent}
 * @param amount the disputed amount, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param charge the disputed charge
 * @param paymentIntent the PaymentIntent of that charge
 */
public record DisputeClosed(
        String status,
        @Nullable String reason,
        @Nullable Long amount,
        @Nullable String currency,
        @Nullable String charge,
        @Nullable String paymentIntent)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.DISPUTE_CLOSED;

    public DisputeClosed {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
