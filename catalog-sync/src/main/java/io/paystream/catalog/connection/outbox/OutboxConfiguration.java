package io.paystream.catalog.connection.outbox;

import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.support.outbox.OutboxRelay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the relay of connection records: service-support's {@link OutboxRelay} on a producer of its own (String keys,
 * JSON bytes, acks=all, idempotent), which creates the registry topic compacted before the first registration
 * ({@link RegistryTopic}). Neither the producer factory nor the template is a bean, so Spring Boot's auto-configured
 * ones stay as they are for the catalog sync. The sweeper belongs to the store, whose documents it reads.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    ConnectionProducer connectionProducer(
            KafkaProperties kafka, KafkaConnectionDetails connection, ConnectionProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        List<String> bootstrapServers = connection.getProducer().getBootstrapServers();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // fail within the request's wait rather than buffering for the default two minutes
        int timeoutMs = (int) properties.publishTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000);
        return new ConnectionProducer(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()),
                bootstrapServers);
    }

    @Bean
    OutboxRelay connectionOutboxRelay(
            ConnectionProducer producer, MongoDatabaseFactory mongo, ConnectionProperties properties) {
        return new OutboxRelay(
                producer.template(),
                mongo.getMongoDatabase(),
                properties.publishTimeout(),
                new RegistryTopic(producer.bootstrapServers()));
    }

    @Bean
    ConnectionEvents connectionEvents() {
        return new ConnectionEvents();
    }

    /** The relay's producer, closed with the context. */
    static final class ConnectionProducer implements DisposableBean {

        private final DefaultKafkaProducerFactory<String, byte[]> factory;
        private final KafkaTemplate<String, byte[]> template;
        private final List<String> bootstrapServers;

        ConnectionProducer(DefaultKafkaProducerFactory<String, byte[]> factory, List<String> bootstrapServers) {
            this.factory = factory;
            this.template = new KafkaTemplate<>(factory);
            this.bootstrapServers = List.copyOf(bootstrapServers);
        }

        KafkaTemplate<String, byte[]> template() {
            return template;
        }

        List<String> bootstrapServers() {
            return bootstrapServers;
        }

        @Override
        public void destroy() {
            factory.destroy();
        }
    }
}
