package io.paystream.ingest.webhook;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception into the service's JSON error shape. Stripe must never see a 500 for a request it could
 * retry, and no response carries a stack trace or anything from the request. Unexpected failures become 503 with
 * {@code Retry-After}: the event was not stored, so Stripe redelivering it is the right outcome.
 */
@RestControllerAdvice
class IngestErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestErrorAdvice.class);
    private static final byte[] INTERNAL_ERROR = WebhookResponses.json("internal_error", "Request failed, retry later");

    private final IngestMetrics metrics;

    IngestErrorAdvice(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<byte[]> rejected(WebhookRejected rejected) {
        Rejection rejection = rejected.rejection();
        metrics.count(rejected.endpointTag(), rejection.outcome());
        WebhookIngestion.withEventContext(rejected.endpointTag(), rejected.event(), () -> logRejection(rejected));
        return WebhookResponses.error(rejection.status(), rejection.body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Unexpected failure handling a request", e);
        return WebhookResponses.error(HttpStatus.SERVICE_UNAVAILABLE, INTERNAL_ERROR);
    }

    /** Spring MVC's own exceptions (wrong method, no such path, ...) keep their status but get our body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<byte[]> response;
        if (statusCode.is5xxServerError()) {
            log.error("Request failed inside Spring MVC", ex);
            response = WebhookResponses.error(HttpStatus.SERVICE_UNAVAILABLE, INTERNAL_ERROR);
        } else {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "bad_request" : status.name().toLowerCase(Locale.ROOT);
            String message = status == null ? "Bad request" : status.getReasonPhrase();
            response = WebhookResponses.error(statusCode, WebhookResponses.json(code, message), headers);
        }
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }

    /** Exception messages along the cause chain; Kafka's name topics and brokers, never record contents. */
    private static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 500; t = t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ")
                    .append(t.getClass().getSimpleName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return text.isEmpty() ? "in-flight limit reached" : text.toString();
    }

    private static void logRejection(WebhookRejected rejected) {
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
}
