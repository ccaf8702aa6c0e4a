package io.paystream.catalog.connection.outbox;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProperties;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Wires the outbox. Its producer is its own (String keys, JSON bytes, acks=all, idempotent) and not a bean of a
 * general type, so Spring Boot's auto-configured template stays as it is for the catalog sync. The entries' store is
 * whatever implements {@link OutboxStore}.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

    private final Clock clock;

    OutboxConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean(destroyMethod = "destroy")
    ConnectionEventPublisher connectionEventPublisher(
            KafkaProperties kafka, KafkaConnectionDetails connection, ConnectionProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getProducer().getBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // fail within the request's wait rather than buffering for the default two minutes
        int timeoutMs = (int) properties.publishTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000);
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new ConnectionEventPublisher(
                new KafkaTemplate<>(factory), properties.publishTimeout(), factory, new RegistryTopic(config));
    }

    @Bean
    ConnectionEvents connectionEvents() {
        return new ConnectionEvents();
    }

    @Bean
    ConnectionOutbox connectionOutbox(
            OutboxStore store,
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

    /**
     * No lock across instances: two instances sweeping at once publish a record twice at worst, which consumers
     * tolerate.
     */
    @Bean
    SchedulingConfigurer connectionOutboxSweep(ConnectionOutbox outbox, ConnectionProperties properties) {
        return registrar ->
                registrar.addFixedDelayTask(outbox::sweep, properties.outbox().sweepInterval());
    }
}
