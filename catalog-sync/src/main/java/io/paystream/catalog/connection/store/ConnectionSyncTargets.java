package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.Mode;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetSource;
import io.paystream.events.crypto.SecretCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogs of customers' connections, for the catalog sync: enabled connections whose account is
 * {@code active} or {@code restricted} (a pending Connect account has no catalog yet; a disabled or disconnected one
 * is not synced). A key connection authenticates with its own secret key, a Connect account with the platform key of
 * its mode and the {@code Stripe-Account} header.
 */
class ConnectionSyncTargets implements SyncTargetSource {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSyncTargets.class);

    private final ConnectionStore store;
    private final SecretCipher cipher;
    private final StripeApiProperties stripe;

    ConnectionSyncTargets(ConnectionStore store, SecretCipher cipher, StripeApiProperties stripe) {
        this.store = store;
        this.cipher = cipher;
        this.stripe = stripe;
    }

    @Override
    public List<SyncTarget> targets() {
        List<SyncTarget> targets = new ArrayList<>();
        for (Connection connection : store.syncable()) {
            boolean live = connection.mode().livemode();
            if (connection.kind() == ConnectionKind.KEYS) {
                try {
                    String key = cipher.decrypt(
                            Objects.requireNonNull(connection.secrets()).secretKeyEnvelope());
                    targets.add(new SyncTarget(connection.accountId(), live, key, null));
                } catch (RuntimeException e) {
                    log.error(
                            "connection {} is not synced, its secret key cannot be decrypted: {}",
                            connection.id(),
                            e.getMessage());
                }
            } else {
                String platformKey = live ? stripe.platformLiveKey() : stripe.platformTestKey();
                if (platformKey.isBlank()) {
                    log.warn(
                            "connection {} is not synced: no platform {} key",
                            connection.id(),
                            connection.mode().value());
                } else {
                    targets.add(new SyncTarget(connection.accountId(), live, platformKey, connection.accountId()));
                }
            }
        }
        return targets;
    }

    /** The tenant of the live connection of the target's account and mode. */
    @Override
    public Optional<String> tenantOf(SyncTarget target) {
        return store.findLive(target.account(), Mode.of(target.livemode())).map(Connection::tenant);
    }
}
