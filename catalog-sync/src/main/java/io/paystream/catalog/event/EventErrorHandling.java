package io.paystream.catalog.event;

import io.paystream.catalog.CatalogProperties;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.events.StripeEventHeaders;
import io.paystream.support.kafka.HeaderText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A failing batch (MongoDB away) is retried from the record its listener names, with backoff for
 * {@code events.retry-for}; then that record is logged, counted as {@code failed} and skipped, and the records behind
 * it are delivered again, as one event at a time always was. An unreadable event never gets here: it is skipped inside
 * its batch ({@link SkippedEvents}), and would not be retried if it did. There is no dead-letter topic here on purpose:
 * the next full sync, at most one schedule period away, reads the object's current state from Stripe, which is the
 * replay.
 */
@Configuration(proxyBeanMethods = false)
class EventErrorHandling {

    @Bean
    DefaultErrorHandler catalogEventErrorHandler(CatalogProperties properties, SkippedEvents skipped) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(properties.events().retryFor().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    String type = HeaderText.of(record, StripeEventHeaders.EVENT_TYPE);
                    skipped.skipped(type == null ? "unknown" : type, CatalogEventListener.origin(record), failure);
                },
                backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, MalformedEventHeadersException.class);
        return handler;
    }
}
