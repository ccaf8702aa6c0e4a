package io.paystream.ingest;

import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Writes to the endpoint registry topic the way catalog-sync does: JSON registrations and tombstones, acks=all. */
final class RegistryRecords implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Producer<String, byte[]> producer;

    RegistryRecords(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        60_000),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Registers {@code id} with each secret encrypted by the cipher paired with it. */
    void register(String id, String tenant, String account, String livemode, List<String> envelopes) {
        send(
                id,
                JSON.writeValueAsBytes(
                        new WebhookEndpointRegistration(id, tenant, account, livemode, envelopes, Instant.now())));
    }

    void register(String id, String account, String livemode, SecretCipher cipher, String... secrets) {
        register(
                id,
                "tenant-" + id,
                account,
                livemode,
                List.of(secrets).stream().map(cipher::encrypt).toList());
    }

    void tombstone(String id) {
        send(id, null);
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_ENDPOINTS, key, value))
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + Topics.WEBHOOK_ENDPOINTS, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
