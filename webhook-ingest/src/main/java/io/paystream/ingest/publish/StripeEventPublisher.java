package io.paystream.ingest.publish;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes a verified event and waits, at most the publish timeout, for the broker's acknowledgement (acks=all,
 * idempotent producer). Returning normally is the only signal that lets the caller answer Stripe 2xx.
 *
 * <p>Uses the producer directly rather than {@code KafkaTemplate}: the template's default producer listener logs the
 * record's payload on failure, and webhook bodies must never reach the logs.
 */
public final class StripeEventPublisher {

    private final ProducerFactory<String, byte[]> producers;
    private final String topic;
    private final long timeoutNanos;
    private final CircuitBreaker circuitBreaker;
    private final Timer publishTimer;

    StripeEventPublisher(
            ProducerFactory<String, byte[]> producers,
            String topic,
            Duration timeout,
            CircuitBreaker circuitBreaker,
            Timer publishTimer) {
        this.producers = producers;
        this.topic = topic;
        this.timeoutNanos = timeout.toNanos();
        this.circuitBreaker = circuitBreaker;
        this.publishTimer = publishTimer;
    }

    /**
     * Sends {@code value} unchanged with {@code key} and {@code headers}, and returns once the broker acknowledged it.
     *
     * @throws PublishUnavailableException when the circuit is open, the broker failed, or the timeout passed; the record
     *     may still be written later, which Stripe's redelivery turns into a duplicate that consumers drop
     */
    public void publish(String key, byte[] value, Map<String, String> headers) throws PublishUnavailableException {
        if (!circuitBreaker.tryAcquirePermission()) {
            throw new PublishUnavailableException(PublishUnavailableException.Reason.CIRCUIT_OPEN, null);
        }
        long start = System.nanoTime();
        try {
            CompletableFuture<Void> acked = send(new ProducerRecord<>(topic, null, key, value, toKafka(headers)));
            acked.get(Math.max(0, timeoutNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            long elapsed = System.nanoTime() - start;
            circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            publishTimer.record(elapsed, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw failed(PublishUnavailableException.Reason.TIMEOUT, e, start);
        } catch (ExecutionException e) {
            throw failed(PublishUnavailableException.Reason.FAILED, e.getCause(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            circuitBreaker.releasePermission();
            throw new PublishUnavailableException(PublishUnavailableException.Reason.FAILED, e);
        } catch (RuntimeException e) {
            // send() itself throws when metadata is unavailable for max.block.ms or the producer is closed
            throw failed(PublishUnavailableException.Reason.FAILED, e, start);
        }
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            // closing the shared producer handed out by the factory is a no-op; the factory closes it at shutdown
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(exception);
                }
            });
        }
        return acked;
    }

    private PublishUnavailableException failed(
            PublishUnavailableException.Reason reason, @Nullable Throwable cause, long start) {
        long elapsed = System.nanoTime() - start;
        circuitBreaker.onError(elapsed, TimeUnit.NANOSECONDS, cause);
        return new PublishUnavailableException(reason, cause);
    }

    private static List<Header> toKafka(Map<String, String> headers) {
        List<Header> kafkaHeaders = new ArrayList<>(headers.size());
        headers.forEach(
                (name, value) -> kafkaHeaders.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return kafkaHeaders;
    }
}
