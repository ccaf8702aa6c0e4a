package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's status became {@code canceled} (final). Subject: the subscription id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code canceled}
 * @param customer the customer ({@code cus_...})
 * @param subscription the subscription ({@code sub_...}), same as the subject
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param currentPeriodEnd the end of the last billing period
 * @param cancelAtPeriodEnd whether it was set to end at the end of the period, rather than at once
 */
public record SubscriptionCanceled(
        String status,
        @Nullable String customer,
        String subscription,
        @Nullable String currency,
        @Nullable Instant currentPeriodEnd,
        @Nullable Boolean cancelAtPeriodEnd)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.SUBSCRIPTION_CANCELED;

    public SubscriptionCanceled {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subscription, "subscription");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
