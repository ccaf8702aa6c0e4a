package io.paystream.catalog.connection;

import io.paystream.events.MalformedEventHeadersException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka for connections, kept apart from the rest of the service's Kafka setup: its own producer (String keys, JSON
 * bytes, acks=all, idempotent) and its own listener factory (group {@value AccountEventListener#GROUP}). Neither is a
 * bean of a general type, so Spring Boot's auto-configured template and listener factory stay as they are for the
 * catalog sync.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionKafkaConfiguration {

    static final String LISTENER_FACTORY = "connectionEventsListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(ConnectionKafkaConfiguration.class);

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

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> connectionEventsListenerFactory(
            KafkaProperties kafka, KafkaConnectionDetails connection, ConnectionMetrics metrics) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getConsumer().getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, AccountEventListener.GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setBatchListener(false);
        factory.setAutoStartup(kafka.getListener().isAutoStartup());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.setCommonErrorHandler(errorHandler(metrics));
        return factory;
    }

    /**
     * MongoDB down: retry with back-off, never skip (the partition waits). An unreadable event can never be applied:
     * logged, counted and skipped; payment-worker dead-letters the same record, and the next account.updated of the
     * account carries the full state anyway.
     */
    private static DefaultErrorHandler errorHandler(ConnectionMetrics metrics) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    log.warn(
                            "skipping unreadable Stripe event at {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            failure.getCause() == null
                                    ? failure
                                    : failure.getCause().getMessage());
                    metrics.accountEvent("unreadable");
                },
                backOff);
        handler.addNotRetryableExceptions(
                AccountEvents.UnreadableEventException.class, MalformedEventHeadersException.class);
        return handler;
    }
}
