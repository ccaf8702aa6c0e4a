package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payout reached {@code paid}: the funds arrived at the bank (a paid payout can still fail later). Subject: the
 * payout id; the account is the one paid out.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code paid}
 * @param amount the payout amount, minor units
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param arrivalDate when the funds are expected at the bank
 */
public record PayoutPaid(
        String status,
        @Nullable Long amount,
        @Nullable String currency,
        @Nullable Instant arrivalDate) implements StripeChange {

    public static final String TYPE = DomainEventTypes.PAYOUT_PAID;

    public PayoutPaid {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
