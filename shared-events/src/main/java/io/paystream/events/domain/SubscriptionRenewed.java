package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An active subscription's current period moved forward: a renewal was paid. Subject: the subscription id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code active}: the subscription stays active across a renewal
 * @param customer the customer ({@code cus_...})
 * @param subscription the subscription ({@code sub_...}), same as the subject
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param currentPeriodEnd the end of the new billing period, later than the one before
 * @param cancelAtPeriodEnd whether it ends at the end of the current period
 */
public record SubscriptionRenewed(
        String status,
        @Nullable String customer,
        String subscription,
        @Nullable String currency,
        @Nullable Instant currentPeriodEnd,
        @Nullable Boolean cancelAtPeriodEnd)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.SUBSCRIPTION_RENEWED;

    public SubscriptionRenewed {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subscription, "subscription");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
