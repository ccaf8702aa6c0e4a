package io.paystream.ingest.webhook;

import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.endpoint.WebhookEndpoint;
import io.paystream.ingest.endpoint.WebhookEndpoints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Stripe's front door: {@code POST /webhooks/stripe} and {@code POST /webhooks/stripe/{endpointId}}.
 *
 * <p>A servlet filter, registered first and mapped to the webhook paths only, that answers every webhook request
 * itself and never passes it down the chain. The ingest's whole job is this one request shape, and the benchmark's
 * profiles (bench/README.md) showed Spring's per-request layers costing more CPU than verifying, parsing and
 * publishing together: DispatcherServlet's handler lookup and argument resolution, the {@code http.server.requests}
 * observation, and the request-context, form-content and encoding filters. None of them does anything a webhook
 * needs. This filter times the request itself ({@code paystream.ingest.request}, by outcome) and writes every response
 * itself, so a webhook never reaches Spring's error handling either. The body is read from the raw stream, never
 * through a converter: the signature covers the exact bytes, and the size limit must hold before anything is buffered.
 */
final class StripeWebhookFilter extends HttpFilter {

    static final String PATH = "/webhooks/stripe";
    static final String STRIPE_SIGNATURE = "Stripe-Signature";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookFilter.class);

    private final transient WebhookEndpoints endpoints;
    private final transient InFlightLimiter inFlight;
    private final transient WebhookIngestion ingestion;
    private final transient IngestMetrics metrics;
    private final int maxBodySize;

    StripeWebhookFilter(
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

    /** Deliberately never calls {@code chain}: see the class comment. */
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
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
                .find(endpointId(request))
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
     * The filter is mapped to {@code /webhooks/stripe/*}: the bare path is the default endpoint, one more segment names
     * an endpoint, and anything else (a trailing slash, nested segments) names none, so it is answered 404.
     */
    static String endpointId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() == PATH.length()) {
            return WebhookEndpoint.DEFAULT_ID;
        }
        String id = path.substring(PATH.length() + 1);
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
    static boolean isJson(@Nullable String contentType) {
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
