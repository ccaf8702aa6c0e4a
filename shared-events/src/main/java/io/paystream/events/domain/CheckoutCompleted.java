package io.paystream.events.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Checkout Session reached {@code complete}. Subject: the session id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code complete}
 * @param paymentStatus {@code paid}, {@code unpaid} (an asynchronous method still settling) or {@code
 *     no_payment_required}
 * @param mode {@code payment}, {@code subscription} or {@code setup}
 * @param amount the session's total ({@code amount_total}), minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param customer the customer, if the session has one
 * @param paymentIntent the PaymentIntent it produced (mode {@code payment})
 * @param subscription the subscription it produced (mode {@code subscription})
 */
public record CheckoutCompleted(
        String status,
        @Nullable String paymentStatus,
        @Nullable String mode,
        @Nullable Long amount,
        @Nullable String currency,
        @Nullable String customer,
        @Nullable String paymentIntent,
        @Nullable String subscription)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.CHECKOUT_COMPLETED;

    public CheckoutCompleted {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
