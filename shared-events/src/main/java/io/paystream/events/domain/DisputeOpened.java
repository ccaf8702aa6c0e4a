package io.paystream.events.domain;

import org.jspecify.annotations.Nullable;

/**
 * A dispute (chargeback) was seen for the first time, whatever its status, so a dispute whose closing event arrived
 * first still reports both facts. Subject: the dispute id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status Stripe's dispute status when first seen, e.g. {@code needs_response}
 * @param reason Stripe's reason, e.g. {@code fraudulent}
 * @param amount the disputed amount, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param charge the disputed charge
 * @param paymentIntent the PaymentIntent of that charge
 */
public record DisputeOpened(
        @Nullable String status,
        @Nullable String reason,
        @Nullable Long amount,
        @Nullable String currency,
        @Nullable String charge,
        @Nullable String paymentIntent)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.DISPUTE_OPENED;

    @Override
    public String type() {
        return TYPE;
    }
}
