package io.paystream.ingest.webhook;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * One log line per refused webhook, with the endpoint and (once parsed) the event in the MDC. A 503 is a WARN with the
 * cause chain's messages, because ops must act on it; a 4xx is INFO, because forgeries and replays are expected
 * traffic. Nothing from the request body or its headers is logged.
 */
final class RejectionLog {

    private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);

    private RejectionLog() {}

    static void log(WebhookRejected rejected) {
        WebhookIngestion.withEventContext(rejected.endpointTag(), rejected.event(), () -> write(rejected));
    }

    private static void write(WebhookRejected rejected) {
        Rejection rejection = rejected.rejection();
        if (rejection.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn(
                    "Refused webhook with {}: {} ({})",
                    rejection.status().value(),
                    rejection.code(),
                    describe(rejected.getCause()));
        } else {
            log.info("Refused webhook with {}: {}", rejection.status().value(), rejection.code());
        }
    }

    /** Exception messages along the cause chain; Kafka's name topics and brokers, never record contents. */
    private static String describe(@Nullable Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 500; t = t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ")
                    .append(t.getClass().getSimpleName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return text.isEmpty() ? "in-flight limit reached" : text.toString();
    }
}
