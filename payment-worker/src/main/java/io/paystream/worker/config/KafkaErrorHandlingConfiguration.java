package io.paystream.worker.config;

import io.paystream.events.EventSource;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.support.kafka.HeaderText;
import io.paystream.worker.metrics.WorkerMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retry and dead-letter policy of the Stripe event listener:
 *
 * <ul>
 *   <li>poison (unparseable, missing fields, malformed headers, livemode conflict): dead-lettered on the first
 *       failure, retrying cannot help;
 *   <li>transient (MongoDB or Kafka unavailable, write contention): retried forever with exponential back-off capped
 *       at {@code retry.max-interval}; the partition pauses, nothing is skipped or dead-lettered;
 *   <li>anything else (a bug): {@code retry.other-attempts} deliveries, then dead-lettered so one bad event cannot
 *       stall its partition; replay it after the fix.
 * </ul>
 *
 * Dead-letter records keep the original key, value and headers, plus spring-kafka's {@code kafka_dlt-*} headers
 * (exception class, message, original topic/partition/offset) and {@value #REASON_HEADER}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfiguration {

    /** Poison or other, and the root cause's class and message; never the event body. */
    static final String REASON_HEADER = "paystream-dlt-reason";

    @Bean
    DefaultErrorHandler stripeEventErrorHandler(
            KafkaTemplate<String, byte[]> template, WorkerMetrics metrics, WorkerProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(Topics.STRIPE_EVENTS_DEAD_LETTER, -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            Throwable root = FailureClassifier.rootCause(failure);
            String reason = (FailureClassifier.isPoison(failure) ? "poison: " : "failed after retries: ")
                    + root.getClass().getName() + ": " + root.getMessage();
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ConsumerRecordRecoverer countingRecoverer = (record, failure) -> {
            if (FailureClassifier.isPoison(failure)) {
                // not retryable, so the retry listener below never hears of it
                metrics.deliveryFailed("poison");
            }
            deadLetters.accept(record, failure);
            metrics.deadLettered(eventType(record), source(record));
        };
        WorkerProperties.Retry retry = properties.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(
                countingRecoverer, new FixedBackOff(retry.initialInterval().toMillis(), 0));
        handler.setBackOffFunction((record, failure) -> {
            if (FailureClassifier.isPoison(failure)) {
                return new FixedBackOff(0, 0);
            }
            if (FailureClassifier.isTransient(failure)) {
                ExponentialBackOff forever =
                        new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
                forever.setMaxInterval(retry.maxInterval().toMillis());
                forever.setMaxElapsedTime(Long.MAX_VALUE);
                forever.setMaxAttempts(Long.MAX_VALUE);
                return forever;
            }
            return new FixedBackOff(retry.initialInterval().toMillis(), retry.otherAttempts() - 1L);
        });
        FailureClassifier.POISON.forEach(type -> handler.addNotRetryableExceptions(asException(type)));
        handler.setRetryListeners((record, failure, attempt) ->
                metrics.deliveryFailed(FailureClassifier.isTransient(failure) ? "transient" : "other"));
        return handler;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Exception> asException(Class<? extends Throwable> type) {
        return (Class<? extends Exception>) type;
    }

    private static String eventType(ConsumerRecord<?, ?> record) {
        String type = HeaderText.of(record, StripeEventHeaders.EVENT_TYPE);
        return type == null ? "unknown" : type;
    }

    /** The record's source tag; {@code unknown} when its header holds a value no version knows (one dead-letter cause). */
    private static String source(ConsumerRecord<?, ?> record) {
        try {
            return EventSource.fromHeaders(name -> HeaderText.of(record, name)).headerValue();
        } catch (MalformedEventHeadersException e) {
            return "unknown";
        }
    }
}
