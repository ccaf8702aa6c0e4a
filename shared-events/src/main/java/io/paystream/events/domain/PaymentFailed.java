package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment attempt on a PaymentIntent failed: a new failure code, or a new charge attempt carrying one. The intent can
 * still succeed later. Subject: the PaymentIntent id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status the intent's status after the failure, usually {@code requires_payment_method}; never {@code succeeded}
 * @param amount the intended amount, minor units
 * @param amountReceived what was received, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer ({@code cus_...}), {@code null} for a guest payment
 * @param paymentIntent the PaymentIntent ({@code pi_...}), same as the subject
 * @param charge the charge attempt that failed ({@code ch_...})
 * @param failureCode the decline code, else the error code, of the intent's {@code last_payment_error}, e.g. {@code
 *     insufficient_funds}
 * @param failureMessage a message for people
 */
public record PaymentFailed(
        @Nullable String status,
        @Nullable Long amount,
        @Nullable Long amountReceived,
        @Nullable String currency,
        @Nullable String customer,
        String paymentIntent,
        @Nullable String charge,
        String failureCode,
        @Nullable String failureMessage)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.PAYMENT_FAILED;

    public PaymentFailed {
        Objects.requireNonNull(paymentIntent, "paymentIntent");
        Objects.requireNonNull(failureCode, "failureCode");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
