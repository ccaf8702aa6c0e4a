package io.paystream.catalog.connection.onboarding;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.events.MalformedEventHeadersException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener factory of {@code account.updated} events, kept apart from the rest of the service's Kafka setup: group
 * {@value AccountEventListener#GROUP}, record by record. It is not a bean of a general type, so Spring Boot's
 * auto-configured listener factory stays as it is for the catalog sync.
 *
 * <p>Offsets are committed once per poll ({@code BATCH}), after its records were handled: this group reads every
 * event of the topic to find the rare {@code account.updated}, and committing after each record cost one broker
 * request per webhook (in the stack's runs the broker's group coordinator burnt a sixth of a core and this consumer
 * more CPU than the catalog's own event path). A crash redelivers at most the poll in flight; applying an
 * {@code account.updated} twice changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsKafkaConfiguration {

    static final String LISTENER_FACTORY = "connectionEventsListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(AccountEventsKafkaConfiguration.class);

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
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
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
