package io.paystream.events.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's Stripe connection (catalog-sync) changed status. Subject and Kafka key: the connection id; source:
 * {@value #SOURCE_PREFIX}{@code <account>}. Build the envelope with
 * {@link DomainEvent#of(String, java.time.Instant, ConnectionStatusChanged)}.
 *
 * <p>The {@code data} of {@value #TYPE}.
 *
 * @param connectionId the connection ({@code conn_...})
 * @param tenant the platform customer that owns the connection
 * @param kind {@value #KIND_KEYS} (pasted API keys) or {@value #KIND_CONNECT} (Stripe Connect onboarding)
 * @param account the Stripe account ({@code acct_...})
 * @param livemode live or test mode
 * @param previousStatus the status before, {@code null} for a new connection
 * @param status {@code pending}, {@code restricted}, {@code active}, {@code disabled} or {@code disconnected}
 * @param missing what Stripe still needs, in words a person understands ("Bank account", "Tax ID"), when restricted;
 *     else empty
 * @param disabledReason why Stripe disabled the account, {@code null} when it did not
 * @param stripeEventId the {@code account.updated} event that caused the change, {@code null} when an API call did
 */
public record ConnectionStatusChanged(
        String connectionId,
        String tenant,
        String kind,
        String account,
        boolean livemode,
        @Nullable String previousStatus,
        String status,
        List<String> missing,
        @Nullable String disabledReason,
        @Nullable String stripeEventId)
        implements DomainEventData {

    public static final String TYPE = DomainEventTypes.CONNECTION_STATUS_CHANGED;

    /** The start of these events' {@code source}; the account follows. */
    public static final String SOURCE_PREFIX = "/paystream/catalog-sync/";

    public static final String KIND_KEYS = "keys";
    public static final String KIND_CONNECT = "connect";

    public ConnectionStatusChanged {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(status, "status");
        missing = List.copyOf(missing);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
