package io.paystream.catalog.connection.onboarding;

import io.paystream.catalog.connection.AccountSnapshot;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionIds;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.catalog.connection.Mode;
import io.paystream.catalog.connection.keys.StripeGateway;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.AlreadyConnectedException;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe Connect onboarding: create (or link) an account under the platform and hand out the Account Link that
 * takes the user through Stripe's hosted onboarding. The connection starts {@code pending}; {@code account.updated}
 * events move it on (see {@link AccountEvents}). No webhook endpoint is created per account: a Connect account's
 * events reach the platform's Connect endpoint, configured once in webhook-ingest.
 */
public class ConnectOnboarding {

    private static final Logger log = LoggerFactory.getLogger(ConnectOnboarding.class);

    private final StripeGateway stripe;
    private final StripeApiProperties stripeProperties;
    private final ConnectionStore store;
    private final OutboxSweeper outbox;
    private final ConnectionEvents events;
    private final ConnectionProperties properties;
    private final ConnectionMetrics metrics;
    private final Clock clock;

    ConnectOnboarding(
            StripeGateway stripe,
            StripeApiProperties stripeProperties,
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            ConnectionProperties properties,
            ConnectionMetrics metrics,
            Clock clock) {
        this.stripe = stripe;
        this.stripeProperties = stripeProperties;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A connection and the URL to send the user to. */
    public record Started(Connection connection, StripeGateway.OnboardingLink link) {}

    public Started start(OnboardingRequest request) {
        Mode mode = request.mode() == null ? Mode.TEST : Mode.of(request.mode());
        String platformKey = platformKey(mode);
        String tenant = request.tenant() == null ? properties.defaultTenant() : request.tenant();
        AccountSnapshot account;
        if (request.accountId() != null) {
            account = stripe.connectedAccount(platformKey, request.accountId());
            store.findLive(account.id(), mode).ifPresent(existing -> {
                throw ConnectionRejectedException.alreadyConnected(account.id(), mode, existing.id());
            });
        } else {
            String country = request.country() == null
                    ? properties.onboarding().defaultCountry()
                    : request.country().toUpperCase(Locale.ROOT);
            account = stripe.createConnectedAccount(
                    platformKey,
                    properties.onboarding().accountType(),
                    country,
                    request.email(),
                    lower(request.currency()));
        }
        String id = ConnectionIds.next();
        Connection.OnboardingUrls urls = new Connection.OnboardingUrls(
                url(request.returnUrl(), properties.onboarding().returnUrl(), id),
                url(request.refreshUrl(), properties.onboarding().refreshUrl(), id));
        StripeGateway.OnboardingLink link =
                stripe.onboardingLink(platformKey, account.id(), urls.refreshUrl(), urls.returnUrl());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String currency = request.currency() != null ? lower(request.currency()) : account.defaultCurrency();
        Connection connection = new Connection(
                id,
                tenant,
                ConnectionKind.CONNECT,
                mode,
                currency,
                true,
                account.id(),
                account.country(),
                new Connection.State(ConnectionStatus.PENDING, List.of(), List.of(), null, null, null, null),
                null,
                null,
                null,
                null,
                urls,
                now,
                now,
                null,
                null,
                1);
        List<OutboxEntry> entries = List.of(events.statusChanged(connection, null, null, now));
        PendingEntries written;
        try {
            written = store.insert(connection, entries);
        } catch (AlreadyConnectedException e) {
            throw ConnectionRejectedException.alreadyConnected(account.id(), mode, null);
        }
        outbox.relayOrSweepLater(List.of(written));
        metrics.created(ConnectionKind.CONNECT, mode);
        metrics.statusChanged(ConnectionStatus.PENDING);
        log.info("onboarding {} ({} mode) as {} for tenant {}", account.id(), mode.value(), id, tenant);
        return new Started(connection, link);
    }

    /** A fresh link: Account Links expire after minutes and can be used once. */
    public StripeGateway.OnboardingLink refreshLink(String connectionId) {
        Connection connection =
                store.find(connectionId).orElseThrow(() -> ConnectionRejectedException.notFound(connectionId));
        if (connection.kind() != ConnectionKind.CONNECT) {
            throw new ConnectionRejectedException(
                    ConnectionProblem.NOT_ONBOARDING,
                    connectionId + " was connected with API keys; there is no Stripe onboarding to continue.");
        }
        if (connection.disconnected()) {
            throw new ConnectionRejectedException(
                    ConnectionProblem.CONNECTION_DISCONNECTED, connectionId + " is disconnected; start a new one.");
        }
        // a Connect connection always has its onboarding URLs
        Connection.OnboardingUrls urls = Objects.requireNonNull(connection.onboarding());
        return stripe.onboardingLink(
                platformKey(connection.mode()), connection.accountId(), urls.refreshUrl(), urls.returnUrl());
    }

    private String platformKey(Mode mode) {
        String key = mode == Mode.LIVE ? stripeProperties.platformLiveKey() : stripeProperties.platformTestKey();
        if (key.isBlank()) {
            throw new ConnectionRejectedException(
                    ConnectionProblem.CONNECT_NOT_CONFIGURED,
                    "Stripe Connect onboarding in " + mode.value() + " mode needs the platform's secret key: set"
                            + " paystream.stripe.platform-" + mode.value() + "-key.");
        }
        return key;
    }

    private static String url(@Nullable String requested, String configured, String connectionId) {
        return (requested != null ? requested : configured).replace("{connectionId}", connectionId);
    }

    private static @Nullable String lower(@Nullable String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
