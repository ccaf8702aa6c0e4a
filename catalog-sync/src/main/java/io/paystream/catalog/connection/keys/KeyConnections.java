package io.paystream.catalog.connection.keys;

import io.paystream.catalog.connection.AccountSnapshot;
import io.paystream.catalog.connection.AccountStatusRules;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionIds;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.AlreadyConnectedException;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxPublishException;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.PendingEntries;
import io.paystream.support.problem.StandardProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect by API keys: validate everything, register the webhook endpoint on the customer's account, store the
 * connection with its secrets encrypted, publish the registration, and only then answer. If anything after the
 * endpoint's creation fails, the endpoint is deleted again and nothing is stored.
 */
public class KeyConnections {

    private static final Logger log = LoggerFactory.getLogger(KeyConnections.class);

    private final StripeGateway stripe;
    private final ConnectionStore store;
    private final OutboxRelay outbox;
    private final ConnectionEvents events;
    private final SecretCipher cipher;
    private final ConnectionProperties properties;
    private final ConnectionMetrics metrics;
    private final Clock clock;

    KeyConnections(
            StripeGateway stripe,
            ConnectionStore store,
            OutboxRelay outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionProperties properties,
            ConnectionMetrics metrics,
            Clock clock) {
        this.stripe = stripe;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.cipher = cipher;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Connection connect(KeyConnectionRequest request) {
        String tenant = request.tenant() == null ? properties.defaultTenant() : request.tenant();
        String currency = request.currency().toLowerCase(Locale.ROOT);
        PastedKeys keys = PastedKeys.check(request.publishableKey(), request.secretKey(), request.mode());
        AccountSnapshot account = stripe.ownAccount(keys.secret());
        requireCanCharge(account);
        requireCurrency(currency, stripe.chargeableCurrencies(keys.secret(), account.country()), account);
        store.findLive(account.id(), keys.mode()).ifPresent(existing -> {
            throw ConnectionRejectedException.alreadyConnected(account.id(), keys.mode(), existing.id());
        });

        String id = ConnectionIds.next();
        StripeGateway.CreatedEndpoint endpoint =
                stripe.createWebhookEndpoint(keys.secret(), properties.webhookUrl(id), id, tenant);
        try {
            Connection connection = store(id, tenant, currency, request.enabled(), keys, account, endpoint);
            log.info(
                    "connected {} ({} mode) as {} for tenant {} with key {}, webhook endpoint {}",
                    account.id(),
                    keys.mode().value(),
                    id,
                    tenant,
                    keys.secret().masked(),
                    endpoint.id());
            metrics.created(ConnectionKind.KEYS, keys.mode());
            return connection;
        } catch (RuntimeException failure) {
            compensate(id, keys.secret(), endpoint);
            throw failure;
        }
    }

    private Connection store(
            String id,
            String tenant,
            String currency,
            @Nullable Boolean enabled,
            PastedKeys keys,
            AccountSnapshot account,
            StripeGateway.CreatedEndpoint endpoint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Connection connection = new Connection(
                id,
                tenant,
                ConnectionKind.KEYS,
                keys.mode(),
                currency,
                enabled == null || enabled,
                account.id(),
                account.country(),
                Connection.State.of(AccountStatusRules.assess(account), null, null),
                keys.publishable().masked(),
                keys.secret().masked(),
                endpoint.id(),
                new Connection.Secrets(
                        cipher.encrypt(keys.secret().value()), cipher.encrypt(endpoint.secret()), cipher.activeKeyId()),
                null,
                now,
                now,
                null,
                null,
                1);
        List<OutboxEntry> entries =
                List.of(events.registration(connection, now), events.statusChanged(connection, null, null, now));
        PendingEntries written;
        try {
            written = store.insert(connection, entries);
        } catch (AlreadyConnectedException e) {
            // another request connected the same account between the check and this insert
            String existing = store.findLive(account.id(), keys.mode())
                    .map(Connection::id)
                    .orElse(null);
            throw ConnectionRejectedException.alreadyConnected(account.id(), keys.mode(), existing);
        }
        try {
            outbox.relay(written);
        } catch (OutboxPublishException e) {
            store.delete(id);
            throw new ConnectionRejectedException(
                    StandardProblem.EVENT_BUS_UNAVAILABLE,
                    "The webhook endpoint could not be announced to webhook-ingest (Kafka did not acknowledge)."
                            + " Nothing was stored; try again shortly.",
                    Map.of(),
                    e);
        }
        metrics.statusChanged(connection.status());
        return connection;
    }

    /**
     * Best effort: delete what was made. The document is already gone or never written; a registration that may have
     * reached Kafka is cancelled by a tombstone.
     */
    private void compensate(String id, ApiKey secretKey, StripeGateway.CreatedEndpoint endpoint) {
        boolean succeeded = true;
        try {
            store.delete(id);
        } catch (RuntimeException e) {
            succeeded = false;
            log.error("compensation: could not delete connection {} from the store: {}", id, e.toString());
        }
        try {
            outbox.publish(List.of(events.tombstone(id, clock.instant())));
        } catch (RuntimeException e) {
            log.warn("compensation: could not publish the endpoint tombstone of {}: {}", id, e.toString());
        }
        try {
            stripe.deleteWebhookEndpoint(secretKey, endpoint.id());
        } catch (RuntimeException e) {
            succeeded = false;
            log.error(
                    "compensation: webhook endpoint {} stays on Stripe for the key {} (it points at the unknown"
                            + " endpoint id {}, so Stripe will disable it): {}",
                    endpoint.id(),
                    secretKey.masked(),
                    id,
                    e.getClass().getSimpleName());
        }
        log.info("connection {} not created; compensation {}", id, succeeded ? "complete" : "incomplete");
        metrics.compensation(succeeded);
    }

    private static void requireCanCharge(AccountSnapshot account) {
        if (account.chargesEnabled()) {
            return;
        }
        AccountStatusRules.Assessment assessment = AccountStatusRules.assess(account);
        String missing = assessment.missing().isEmpty()
                ? ""
                : " Stripe still needs: " + String.join(", ", assessment.missing()) + ".";
        throw new ConnectionRejectedException(
                ConnectionProblem.ACCOUNT_CANNOT_CHARGE,
                "Stripe has not enabled payments on " + account.id() + " yet: finish activating the account in the"
                        + " Stripe Dashboard, then connect again." + missing,
                Map.of("account", account.id(), "missing", assessment.missing()));
    }

    private static void requireCurrency(String currency, List<String> chargeable, AccountSnapshot account) {
        if (chargeable.contains(currency)) {
            return;
        }
        throw new ConnectionRejectedException(
                ConnectionProblem.UNSUPPORTED_CURRENCY,
                "An account in " + account.country() + " cannot charge in " + currency.toUpperCase(Locale.ROOT)
                        + "; choose one of the currencies in supportedCurrencies"
                        + (account.defaultCurrency() == null ? "" : ", such as " + account.defaultCurrency())
                        + ".",
                Map.of("field", "currency", "supportedCurrencies", chargeable));
    }
}
