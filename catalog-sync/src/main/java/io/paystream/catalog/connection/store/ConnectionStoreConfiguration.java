package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.outbox.OutboxCollection;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.OutboxSweeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Wires the store, its outbox sweeper, and what works on stored connections alone. */
@Configuration(proxyBeanMethods = false)
class ConnectionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStoreConfiguration.class);

    private final Clock clock;

    ConnectionStoreConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    ConnectionStore connectionStore(MongoDatabaseFactory mongo, ApplicationEventPublisher announcements) {
        ConnectionStore store =
                new ConnectionStore(mongo.getMongoDatabase().getCollection(ConnectionStore.COLLECTION), announcements);
        store.ensureIndexes();
        return store;
    }

    /**
     * service-support's sweeper over this collection. Entries stored without a topic would go to
     * {@code payments.events}, though every connection entry names its own. The safety-net pass runs every
     * {@code sweep-interval}, as this outbox's sweep always did, so entries another instance left (it died before its
     * relay) are still published within seconds; no lock across instances, as a record published twice is tolerated.
     */
    @Bean
    OutboxSweeper connectionOutboxSweeper(
            MongoDatabaseFactory mongo, OutboxRelay relay, ConnectionMetrics metrics, ConnectionProperties properties) {
        return new OutboxSweeper(
                mongo.getMongoDatabase(),
                List.of(new OutboxCollection(ConnectionStore.COLLECTION, Topics.PAYMENTS_EVENTS)),
                relay,
                metrics.outboxBacklog(),
                clock,
                properties.outbox().minAge(),
                properties.outbox().batchSize());
    }

    @Bean
    SchedulingConfigurer connectionOutboxSweep(OutboxSweeper sweeper, ConnectionProperties properties) {
        Duration interval = properties.outbox().sweepInterval();
        return sweeper.schedule(interval, interval);
    }

    @Bean
    ConnectionQueries connectionQueries(ConnectionStore store, ConnectionProperties properties) {
        return new ConnectionQueries(store, properties);
    }

    @Bean
    ConnectionUpdates connectionUpdates(
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            WebhookEndpointRemover endpoints,
            ConnectionMetrics metrics) {
        return new ConnectionUpdates(store, outbox, events, endpoints, metrics, clock);
    }

    @Bean
    SecretReEncryption secretReEncryption(
            ConnectionStore store,
            OutboxSweeper outbox,
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
