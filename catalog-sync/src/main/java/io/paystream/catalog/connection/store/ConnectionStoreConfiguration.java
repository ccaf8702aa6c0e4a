package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.outbox.ConnectionOutbox;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.events.crypto.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Wires the store and what works on stored connections alone. */
@Configuration(proxyBeanMethods = false)
class ConnectionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStoreConfiguration.class);

    private final Clock clock;

    ConnectionStoreConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    ConnectionStore connectionStore(MongoDatabaseFactory mongo) {
        ConnectionStore store = new ConnectionStore(mongo.getMongoDatabase().getCollection(ConnectionStore.COLLECTION));
        store.ensureIndexes();
        return store;
    }

    @Bean
    ConnectionQueries connectionQueries(ConnectionStore store, ConnectionProperties properties) {
        return new ConnectionQueries(store, properties);
    }

    @Bean
    ConnectionUpdates connectionUpdates(
            ConnectionStore store,
            ConnectionOutbox outbox,
            ConnectionEvents events,
            WebhookEndpointRemover endpoints,
            ConnectionMetrics metrics) {
        return new ConnectionUpdates(store, outbox, events, endpoints, metrics, clock);
    }

    @Bean
    SecretReEncryption secretReEncryption(
            ConnectionStore store,
            ConnectionOutbox outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionMetrics metrics) {
        return new SecretReEncryption(store, outbox, events, cipher, metrics, clock);
    }

    @Bean
    ConnectionSyncTargets connectionSyncTargets(
            ConnectionStore store, SecretCipher cipher, StripeApiProperties stripe) {
        return new ConnectionSyncTargets(store, cipher, stripe);
    }

    /**
     * The re-encryption pass, at start-up and then on a schedule. No lock across instances: each connection is one
     * conditional update, so two instances running it at once publish a registration twice at worst, which
     * consumers tolerate.
     */
    @Bean
    SchedulingConfigurer secretReEncryptionSchedule(SecretReEncryption reEncryption, ConnectionProperties properties) {
        return registrar -> registrar.addFixedDelayTask(
                new FixedDelayTask(() -> runQuietly(reEncryption), properties.reEncryptInterval(), Duration.ZERO));
    }

    private static void runQuietly(SecretReEncryption reEncryption) {
        try {
            reEncryption.run();
        } catch (RuntimeException e) {
            log.warn("re-encryption pass failed, retrying at the next: {}", e.toString());
        }
    }
}
