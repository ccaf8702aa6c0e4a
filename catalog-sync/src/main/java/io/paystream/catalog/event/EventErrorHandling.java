package io.paystream.catalog.event;

import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.events.StripeEventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A failing event (MongoDB away) is retried with backoff for {@code events.retry-for}, an unreadable one not at all;
 * then it is logged, counted as {@code failed} and skipped. There is no dead-letter topic here on purpose: the next
 * full sync, at most one schedule period away, reads the object's current state from Stripe, which is the replay.
 */
@Configuration(proxyBeanMethods = false)
class EventErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(EventErrorHandling.class);

    @Bean
    DefaultErrorHandler catalogEventErrorHandler(CatalogProperties properties, CatalogMetrics metrics) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(properties.events().retryFor().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    Header type = record.headers().lastHeader(StripeEventHeaders.EVENT_TYPE);
                    String typeName = type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8);
                    metrics.event(typeName, "failed");
                    log.warn(
                            "skipped {} at {}-{}@{}; the next full sync repairs it: {}",
                            typeName,
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            rootCause(failure).toString());
                },
                backOff);
        handler.addNotRetryableExceptions(
                CatalogEventApplier.UnreadableEventException.class, MalformedEventHeadersException.class);
        return handler;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
