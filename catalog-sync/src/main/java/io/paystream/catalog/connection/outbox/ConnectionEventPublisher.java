package io.paystream.catalog.connection.outbox;

import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox entries and waits until Kafka acknowledged every one (acks=all, idempotent producer). Its own
 * template, so the connection records' serialisation does not depend on how the rest of the service configures
 * Kafka.
 */
class ConnectionEventPublisher {

    /** CloudEvents Kafka protocol binding, structured mode, as payment-worker publishes. */
    static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final RegistryTopic registryTopic;

    ConnectionEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            Duration timeout,
            DefaultKafkaProducerFactory<String, byte[]> producers,
            RegistryTopic registryTopic) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.producers = producers;
        this.registryTopic = registryTopic;
    }

    /** Closes the producer with the context. */
    void destroy() {
        producers.destroy();
    }

    void publish(List<OutboxEntry> entries) {
        if (entries.stream().anyMatch(entry -> Topics.WEBHOOK_ENDPOINTS.equals(entry.topic()))) {
            registryTopic.ensureExists(timeout);
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        entries.forEach(entry -> sends.add(kafka.send(record(entry))));
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge in " + timeout, e);
        }
    }

    private static ProducerRecord<String, byte[]> record(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(),
                entry.key(),
                entry.value() == null ? null : entry.value().getBytes(StandardCharsets.UTF_8));
        if (entry.cloudEventType() != null) {
            record.headers().add("content-type", bytes(CLOUDEVENTS_CONTENT_TYPE));
            record.headers().add("ce_id", bytes(entry.id()));
            record.headers().add("ce_type", bytes(entry.cloudEventType()));
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
