package io.paystream.catalog.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes records with a producer of its own (acks=all, idempotent) and returns only once Kafka acknowledged every
 * one: reconciliation stores its cursor after that ({@code stripe.events}), the thin-event consumer commits the thin
 * event's offset after that ({@code stripe.fetched}).
 */
public class StripeEventsPublisher implements DisposableBean {

    /** One record: key, value bytes and string headers. */
    public record Outgoing(String key, byte[] value, Map<String, String> headers) {}

    /** Kafka did not acknowledge in time; nothing of the batch may be taken as published. */
    public static class NotAcknowledgedException extends RuntimeException {
        NotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    StripeEventsPublisher(DefaultKafkaProducerFactory<String, byte[]> factory, Duration timeout) {
        this.factory = factory;
        this.template = new KafkaTemplate<>(factory);
        this.timeout = timeout;
    }

    /** @throws NotAcknowledgedException when a record was not acknowledged within the timeout */
    public void publishAll(String topic, List<Outgoing> records) {
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (Outgoing record : records) {
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            CompletableFuture<?> send =
                    template.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
            sent.add(send);
            if (send.isCompletedExceptionally()) {
                break; // Kafka unreachable: each further send would wait max.block.ms again
            }
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException("interrupted while Kafka acknowledged", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new NotAcknowledgedException(
                    "Kafka did not acknowledge " + records.size() + " records within " + timeout + ": " + cause, cause);
        }
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
