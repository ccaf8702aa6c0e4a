package io.paystream.catalog.connection;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.events.crypto.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Wires the connection feature. Its classes stay free of Spring but for the controller, its advice and the listener
 * method; beans are of feature-specific types only, so nothing here replaces a bean the catalog sync relies on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ConnectionProperties.class)
class ConnectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectionConfiguration.class);

    private final Clock clock;

    ConnectionConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    ConnectionMetrics connectionMetrics(MeterRegistry registry) {
        return new ConnectionMetrics(registry);
    }

    @Bean
    ConnectionStore connectionStore(MongoDatabaseFactory mongo) {
        ConnectionStore store = new ConnectionStore(mongo.getMongoDatabase().getCollection(ConnectionStore.COLLECTION));
        store.ensureIndexes();
        return store;
    }

    @Bean
    ConnectionEvents connectionEvents() {
        return new ConnectionEvents();
    }

    @Bean
    StripeGateway connectionStripeGateway(StripeApiProperties stripe) {
        return new StripeGateway(stripe);
    }

    @Bean
    ConnectionOutbox connectionOutbox(
            ConnectionStore store,
            ConnectionEventPublisher publisher,
            ConnectionMetrics metrics,
            ConnectionProperties properties) {
        if (properties.outbox().minAge().compareTo(properties.publishTimeout()) <= 0) {
            log.warn(
                    "paystream.connections.outbox.min-age ({}) should exceed publish-timeout ({}), or the sweeper"
                            + " may publish what a request is still publishing",
                    properties.outbox().minAge(),
                    properties.publishTimeout());
        }
        return new ConnectionOutbox(
                store,
                publisher,
                metrics,
                clock,
                properties.outbox().minAge(),
                properties.outbox().batchSize());
    }

    @Bean
    KeyConnections keyConnections(
            StripeGateway stripe,
            ConnectionStore store,
            ConnectionOutbox outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionProperties properties,
            ConnectionMetrics metrics) {
        return new KeyConnections(stripe, store, outbox, events, cipher, properties, metrics, clock);
    }

    @Bean
    ConnectOnboarding connectOnboarding(
            StripeGateway stripe,
            StripeApiProperties stripeProperties,
            ConnectionStore store,
            ConnectionOutbox outbox,
            ConnectionEvents events,
            ConnectionProperties properties,
            ConnectionMetrics metrics) {
        return new ConnectOnboarding(stripe, stripeProperties, store, outbox, events, properties, metrics, clock);
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
            StripeGateway stripe,
            SecretCipher cipher,
            ConnectionMetrics metrics) {
        return new ConnectionUpdates(store, outbox, events, stripe, cipher, metrics, clock);
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

    @Bean
    AccountEvents accountEvents(
            ConnectionStore store, ConnectionOutbox outbox, ConnectionEvents events, ConnectionMetrics metrics) {
        return new AccountEvents(store, outbox, events, metrics, clock);
    }

    @Bean
    AccountEventListener accountEventListener(AccountEvents accountEvents) {
        return new AccountEventListener(accountEvents);
    }

    /**
     * The outbox sweep and the re-encryption pass. No lock across instances: both are conditional per document, so
     * two instances running them at once publish a record twice at worst, which consumers tolerate.
     */
    @Bean
    SchedulingConfigurer connectionSchedules(
            ConnectionOutbox outbox, SecretReEncryption reEncryption, ConnectionProperties properties) {
        return registrar -> {
            registrar.addFixedDelayTask(outbox::sweep, properties.outbox().sweepInterval());
            registrar.addFixedDelayTask(
                    new FixedDelayTask(() -> runQuietly(reEncryption), properties.reEncryptInterval(), Duration.ZERO));
        };
    }

    private static void runQuietly(SecretReEncryption reEncryption) {
        try {
            reEncryption.run();
        } catch (RuntimeException e) {
            log.warn("re-encryption pass failed, retrying at the next: {}", e.toString());
        }
    }
}
