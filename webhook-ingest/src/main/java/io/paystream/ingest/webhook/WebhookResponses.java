package io.paystream.ingest.webhook;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Builds the service's JSON responses. Bodies are written as bytes with an explicit content type, so a client's
 * {@code Accept} header can never turn an error into a content-negotiation failure (and that into a 500).
 */
final class WebhookResponses {

    /** Stripe redelivers on its own schedule; the hint is for other clients and for load balancers. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    static final byte[] INTERNAL_ERROR = json("internal_error", "Request failed, retry later");

    private static final byte[] ACCEPTED = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METHOD_NOT_ALLOWED = json("method_not_allowed", "Method Not Allowed");

    private WebhookResponses() {}

    static void writeAccepted(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_OK, ACCEPTED);
    }

    static void writeRejection(HttpServletResponse response, Rejection rejection) throws IOException {
        write(response, rejection.status().value(), rejection.body());
    }

    static void writeInternalError(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, INTERNAL_ERROR);
    }

    static void writeMethodNotAllowed(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ALLOW, "POST");
        write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED);
    }

    /** A constant JSON body written as bytes with its length, straight to the servlet response (no converters). */
    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static ResponseEntity<byte[]> error(HttpStatusCode status, byte[] body) {
        return error(status, body, HttpHeaders.EMPTY);
    }

    static ResponseEntity<byte[]> error(HttpStatusCode status, byte[] body, HttpHeaders extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extraHeaders);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (status.value() == 503) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        return new ResponseEntity<>(body, headers, status);
    }

    /** {@code {"error":code,"message":message}}; both are constants of this service, never request data. */
    static byte[] json(String code, String message) {
        return ("{\"error\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
