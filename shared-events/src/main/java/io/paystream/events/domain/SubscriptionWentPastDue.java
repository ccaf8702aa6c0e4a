package io.paystream.events.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's status became {@code past_due}: a renewal payment failed and Stripe is retrying. Subject: the
 * subscription id.
 *
 * <p>The {@code data} of {@value #TYPE}, after the {@link StripeOrigin} fields.
 *
 * @param status always {@code past_due}
 * @param customer the customer ({@code cus_...})
 * @param subscription the subscription ({@code sub_...}), same as the subject
 * @param currency three-letter ISO currency code in lower case, e.g. {@code usd}
 * @param currentPeriodEnd the end of the billing period whose payment failed
 * @param cancelAtPeriodEnd whether it ends at the end of the current period
 */
public record SubscriptionWentPastDue(
        String status,
        @Nullable String customer,
        String subscription,
        @Nullable String currency,
        @Nullable Instant currentPeriodEnd,
        @Nullable Boolean cancelAtPeriodEnd)
        implements StripeChange {

    public static final String TYPE = DomainEventTypes.SUBSCRIPTION_PAST_DUE;

    public SubscriptionWentPastDue {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subscription, "subscription");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
