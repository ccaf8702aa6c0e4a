package io.paystream.catalog.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Producer factories for publishers that wait for every record's acknowledgement before they store a cursor (the
 * backfill's pages, reconciliation's events): String keys, the record bytes, acks=all, idempotent, never
 * transactional. Built from Spring Boot's Kafka properties and connection so they reach the same brokers with the
 * same client settings, yet of their own, so Spring Boot's auto-configured producer stays as it is. One place so the
 * two publishers cannot drift apart on what "acknowledged" means.
 */
public final class AcknowledgedProducers {

    /** Below the broker's default {@code message.max.bytes} (1 MB), as each batch must be. */
    static final int PAGE_BATCH_BYTES = 256 * 1024;

    private AcknowledgedProducers() {}

    /**
     * @param publishTimeout {@code max.block.ms} and {@code request.timeout.ms}; {@code delivery.timeout.ms} is a
     *     second more, since Kafka refuses one below {@code linger.ms + request.timeout.ms}
     * @param lingerMs the publisher's own {@code linger.ms}
     * @return a factory the caller owns and closes
     */
    public static DefaultKafkaProducerFactory<String, byte[]> factory(
            KafkaProperties kafka, KafkaConnectionDetails connection, Duration publishTimeout, int lingerMs) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getProducer().getBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        // A page of 100 objects (a few hundred KB) is published at once and waited for: with the default 16 KB
        // batches it left in several produce requests, one batch per partition each, waiting on each other's
        // acknowledgements; a page's share of a partition now fits one batch, so one request carries the page.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, PAGE_BATCH_BYTES);
        int timeoutMs = (int) publishTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
