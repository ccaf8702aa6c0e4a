package io.paystream.catalog.event;

import io.paystream.catalog.metrics.CatalogMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How an event is given up: logged, counted {@code failed}, and left to the next full sync. One place for both ways
 * there: an unreadable event skipped inside its batch, and an event the error handler gave up retrying.
 */
@Component
class SkippedEvents {

    private static final Logger log = LoggerFactory.getLogger(SkippedEvents.class);

    private final CatalogMetrics metrics;

    SkippedEvents(CatalogMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param origin where the record was, {@code topic-partition@offset} */
    void skipped(String type, String origin, Throwable failure) {
        metrics.event(type, "failed");
        log.warn(
                "skipped {} at {}; the next full sync repairs it: {}",
                type,
                origin,
                rootCause(failure).toString());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
