package io.paystream.ingest.webhook;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
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
 * The service's JSON error shape for everything Spring MVC serves (actuator, unknown paths). Webhooks never reach it:
 * {@link StripeWebhookFilter} answers those itself. No response carries a stack trace or anything from the request,
 * and an unexpected failure is a 503 with {@code Retry-After}, never a 500.
 */
@RestControllerAdvice
class IngestErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Unexpected failure handling a request", e);
        return WebhookResponses.error(HttpStatus.SERVICE_UNAVAILABLE, WebhookResponses.INTERNAL_ERROR);
    }

    /** Spring MVC's own exceptions (wrong method, no such path, ...) keep their status but get our body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<byte[]> response;
        if (statusCode.is5xxServerError()) {
            log.error("Request failed inside Spring MVC", ex);
            response = WebhookResponses.error(HttpStatus.SERVICE_UNAVAILABLE, WebhookResponses.INTERNAL_ERROR);
        } else {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "bad_request" : status.name().toLowerCase(Locale.ROOT);
            String message = status == null ? "Bad request" : status.getReasonPhrase();
            response = WebhookResponses.error(statusCode, WebhookResponses.json(code, message), headers);
        }
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }
}
