package io.paystream.ingest.webhook;

import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.endpoint.WebhookEndpoint;
import io.paystream.ingest.endpoint.WebhookEndpoints;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Stripe's front door: {@code POST /webhooks/stripe} and {@code POST /webhooks/stripe/{endpointId}}.
 *
 * <p>A plain servlet rather than a Spring MVC controller. The ingest's whole job is one request shape, and the
 * benchmark's profile showed DispatcherServlet's handler lookup and argument resolution plus the HTTP observation
 * costing more CPU than verifying, parsing and publishing together (bench/README.md). This servlet times itself
 * ({@code paystream.ingest.request}) and writes every response itself, so nothing here reaches Spring's error
 * handling. The body is read from the raw stream, never through a converter: the signature covers the exact bytes, and
 * the size limit must hold before anything is buffered.
 */
final class StripeWebhookServlet extends HttpServlet {

    static final String PATH = "/webhooks/stripe";
    static final String STRIPE_SIGNATURE = "Stripe-Signature";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookServlet.class);

    private final transient WebhookEndpoints endpoints;
    private final transient InFlightLimiter inFlight;
    private final transient WebhookIngestion ingestion;
    private final transient IngestMetrics metrics;
    private final int maxBodySize;

    StripeWebhookServlet(
            WebhookEndpoints endpoints,
            InFlightLimiter inFlight,
            WebhookIngestion ingestion,
            IngestMetrics metrics,
            IngestProperties properties) {
        this.endpoints = endpoints;
        this.inFlight = inFlight;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.maxBodySize = (int) properties.maxBodySize().toBytes();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        Outcome outcome;
        if (!"POST".equals(request.getMethod())) {
            WebhookResponses.writeMethodNotAllowed(response);
            return;
        }
        try {
            receive(request, response);
            outcome = Outcome.ACCEPTED;
        } catch (WebhookRejected rejected) {
            outcome = rejected.rejection().outcome();
            metrics.count(rejected.endpointTag(), outcome);
            RejectionLog.log(rejected);
            WebhookResponses.writeRejection(response, rejected.rejection());
        } catch (RuntimeException unexpected) {
            // Not stored, so a 503 is right: Stripe redelivers. The body names no detail of the failure.
            outcome = Outcome.UNAVAILABLE;
            log.error("Unexpected failure handling a webhook", unexpected);
            WebhookResponses.writeInternalError(response);
        }
        metrics.recordRequest(outcome, System.nanoTime() - start);
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant receivedAt = Instant.now();
        WebhookEndpoint endpoint = endpoints
                .find(endpointId(request.getPathInfo()))
                .orElseThrow(() -> new WebhookRejected(Rejection.UNKNOWN_ENDPOINT, IngestMetrics.UNKNOWN_ENDPOINT_TAG));
        if (!endpoint.hasSecrets()) {
            throw new WebhookRejected(Rejection.ENDPOINT_NOT_CONFIGURED, endpoint.id());
        }
        if (!isJson(request.getContentType())) {
            throw new WebhookRejected(Rejection.UNSUPPORTED_MEDIA_TYPE, endpoint.id());
        }
        if (request.getContentLengthLong() > maxBodySize) {
            throw new WebhookRejected(Rejection.BODY_TOO_LARGE, endpoint.id());
        }
        if (!inFlight.tryAcquire()) {
            throw new WebhookRejected(Rejection.OVERLOADED, endpoint.id());
        }
        try {
            byte[] body = readBody(request, endpoint);
            ingestion.ingest(endpoint, request.getHeader(STRIPE_SIGNATURE), body, receivedAt);
            WebhookResponses.writeAccepted(response);
        } finally {
            inFlight.release();
        }
    }

    /**
     * The servlet is mapped to {@code /webhooks/stripe/*}: no path info is the default endpoint, one segment names an
     * endpoint, and anything else (a trailing slash, nested segments) names none, so it is answered 404.
     */
    static String endpointId(String pathInfo) {
        if (pathInfo == null) {
            return WebhookEndpoint.DEFAULT_ID;
        }
        String id = pathInfo.substring(1);
        return id.isEmpty() || id.indexOf('/') >= 0 ? "" : id;
    }

    /**
     * Reads at most {@code maxBodySize} bytes. A declared length was checked up front; a chunked body is cut off one
     * byte past the limit, so an endless stream costs at most the limit in memory.
     */
    private byte[] readBody(HttpServletRequest request, WebhookEndpoint endpoint) {
        long declared = request.getContentLengthLong();
        try {
            InputStream in = request.getInputStream();
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                if (in.readNBytes(body, 0, body.length) < body.length) {
                    throw new WebhookRejected(Rejection.BODY_UNREADABLE, endpoint.id());
                }
                return body;
            }
            byte[] body = in.readNBytes(maxBodySize + 1);
            if (body.length > maxBodySize) {
                throw new WebhookRejected(Rejection.BODY_TOO_LARGE, endpoint.id());
            }
            return body;
        } catch (IOException clientGone) {
            throw new WebhookRejected(Rejection.BODY_UNREADABLE, endpoint.id(), null, clientGone);
        }
    }

    /** {@code application/json} or {@code application/*+json}, any parameters; Stripe sends a charset. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
