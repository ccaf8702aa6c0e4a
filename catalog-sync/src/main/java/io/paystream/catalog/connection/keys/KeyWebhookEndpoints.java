package io.paystream.catalog.connection.keys;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.store.WebhookEndpointRemover;
import io.paystream.events.crypto.SecretCipher;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a key connection's webhook endpoint on disconnection, with the connection's own decrypted secret key. A
 * Connect connection has none: its events reach the platform's Connect endpoint.
 */
class KeyWebhookEndpoints implements WebhookEndpointRemover {

    private static final Logger log = LoggerFactory.getLogger(KeyWebhookEndpoints.class);

    private final StripeGateway stripe;
    private final SecretCipher cipher;

    KeyWebhookEndpoints(StripeGateway stripe, SecretCipher cipher) {
        this.stripe = stripe;
        this.cipher = cipher;
    }

    @Override
    public void remove(Connection connection) {
        Connection.Secrets secrets = connection.secrets();
        String endpointId = connection.webhookEndpointId();
        if (connection.kind() != ConnectionKind.KEYS || secrets == null || endpointId == null) {
            return;
        }
        Optional<ApiKey> key = secretKey(connection, secrets);
        if (key.isEmpty()) {
            return;
        }
        try {
            boolean deleted = stripe.deleteWebhookEndpoint(key.get(), endpointId);
            log.info(
                    "webhook endpoint {} of {} {}",
                    endpointId,
                    connection.id(),
                    deleted ? "deleted on Stripe" : "was already gone from Stripe");
        } catch (ConnectionRejectedException e) {
            if (e.problemType() != ConnectionProblem.INVALID_API_KEY
                    && e.problemType() != ConnectionProblem.REVOKED_API_KEY) {
                throw e;
            }
            // The customer revoked the key: nobody can delete the endpoint any more, but nothing can use it either
            // once webhook-ingest forgets it (tombstone); Stripe disables it after failed deliveries.
            log.warn(
                    "webhook endpoint {} of {} cannot be deleted, its key {} no longer works; disconnecting anyway",
                    endpointId,
                    connection.id(),
                    connection.secretKeyMasked());
        }
    }

    /** The stored key; empty (logged) when it cannot be decrypted: the endpoint then stays, for Stripe to disable. */
    private Optional<ApiKey> secretKey(Connection connection, Connection.Secrets secrets) {
        try {
            String key = cipher.decrypt(secrets.secretKeyEnvelope());
            return Optional.of(ApiKey.parse(key).orElseThrow(() -> new IllegalStateException("not a Stripe API key")));
        } catch (RuntimeException e) {
            log.error(
                    "webhook endpoint {} of {} cannot be deleted, the secret key cannot be decrypted: {}",
                    connection.webhookEndpointId(),
                    connection.id(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
