package io.paystream.ingest.webhook;

import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.endpoint.WebhookEndpoint;
import io.paystream.ingest.endpoint.WebhookEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's front door. The body is read from the raw stream, never through a message converter: the signature covers
 * the exact bytes, and a size limit must hold before anything is buffered.
 */
@RestController
class StripeWebhookController {

    static final String STRIPE_SIGNATURE = "Stripe-Signature";

    private final WebhookEndpoints endpoints;
    private final InFlightLimiter inFlight;
    private final WebhookIngestion ingestion;
    private final int maxBodySize;

    StripeWebhookController(
            WebhookEndpoints endpoints,
            InFlightLimiter inFlight,
            WebhookIngestion ingestion,
            IngestProperties properties) {
        this.endpoints = endpoints;
        this.inFlight = inFlight;
        this.ingestion = ingestion;
        this.maxBodySize = (int) properties.maxBodySize().toBytes();
    }

    @PostMapping({"/webhooks/stripe", "/webhooks/stripe/{endpointId}"})
    void receive(
            @PathVariable(required = false) String endpointId,
            @RequestHeader(name = STRIPE_SIGNATURE, required = false) String signature,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Instant receivedAt = Instant.now();
        WebhookEndpoint endpoint = endpoints
                .find(endpointId == null ? WebhookEndpoint.DEFAULT_ID : endpointId)
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
            ingestion.ingest(endpoint, signature, body, receivedAt);
            WebhookResponses.writeAccepted(response);
        } finally {
            inFlight.release();
        }
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
