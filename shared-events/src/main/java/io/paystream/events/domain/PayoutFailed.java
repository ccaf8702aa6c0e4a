package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payout reached {@code failed}. Subject: the payout id; the account is the one paid out.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code failed}
 * @param amount the payout amount, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param arrivalDate when the funds were expected at the bank
 * @param failureCode Stripe's failure code, e.g. {@code account_closed}
 * @param failureMessage a message for people
 */
public record PayoutFailed(
        String status,
        @Nullable Long amount,
        @Nullable String currency,
        @Nullable Instant arrivalDate,
        @Nullable String failureCode,
        @Nullable String failureMessage)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.PAYOUT_FAILED;

    public PayoutFailed {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
