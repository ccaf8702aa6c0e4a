package io.paystream.ingest.webhook;

import io.paystream.events.StripeEventMetadata;
import io.paystream.ingest.endpoint.WebhookEndpoint;
import io.paystream.ingest.publish.PublishUnavailableException;
import io.paystream.ingest.publish.StripeEventPublisher;
import io.paystream.ingest.signature.SignatureVerdict;
import io.paystream.ingest.signature.StripeSignatureVerifier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Verify, parse, check the mode, publish: the steps between raw bytes and a Stripe-visible 200. */
final class WebhookIngestion {

    static final String MDC_EVENT_ID = "stripe.event_id";
    static final String MDC_EVENT_TYPE = "stripe.event_type";
    static final String MDC_ENDPOINT = "paystream.endpoint";

    private static final Logger log = LoggerFactory.getLogger(WebhookIngestion.class);

    private final StripeSignatureVerifier verifier;
    private final StripeEventParser parser;
    private final StripeEventPublisher publisher;
    private final IngestMetrics metrics;

    WebhookIngestion(
            StripeSignatureVerifier verifier,
            StripeEventParser parser,
            StripeEventPublisher publisher,
            IngestMetrics metrics) {
        this.verifier = verifier;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Returns normally only when the broker has acknowledged the event.
     *
     * @throws WebhookRejected for every other ending
     */
    void ingest(WebhookEndpoint endpoint, @Nullable String signatureHeader, byte[] body, Instant receivedAt) {
        long verifyStart = System.nanoTime();
        SignatureVerdict verdict = verifier.verify(signatureHeader, body, endpoint.secrets(), receivedAt);
        metrics.recordVerification(System.nanoTime() - verifyStart);
        if (verdict != SignatureVerdict.VALID) {
            throw new WebhookRejected(rejectionFor(verdict), endpoint.id());
        }
        ParsedStripeEvent event;
        try {
            event = parser.parse(body);
        } catch (MalformedEventException e) {
            throw new WebhookRejected(e.rejection(), endpoint.id());
        }
        if (!endpoint.livemode().accepts(event.livemode())) {
            throw new WebhookRejected(Rejection.LIVEMODE_REJECTED, endpoint.id(), event, null);
        }
        StripeEventMetadata metadata = new StripeEventMetadata(
                event.id(),
                event.type(),
                event.shape(),
                endpoint.accountFor(event.account()),
                event.livemode(),
                event.apiVersion(),
                event.created(),
                endpoint.id(),
                endpoint.tenant(),
                receivedAt);
        try {
            publisher.publish(event.key(), body, metadata.toHeaders());
        } catch (PublishUnavailableException e) {
            throw new WebhookRejected(Rejection.PUBLISH_UNAVAILABLE, endpoint.id(), event, e);
        }
        metrics.count(endpoint.id(), Outcome.ACCEPTED);
        if (log.isDebugEnabled()) {
            withEventContext(endpoint.id(), event, () -> log.debug("Accepted Stripe event"));
        }
    }

    /** Runs {@code logging} with the event's id and type in the MDC, so structured logs carry them as fields. */
    static void withEventContext(String endpoint, @Nullable ParsedStripeEvent event, Runnable logging) {
        MDC.put(MDC_ENDPOINT, endpoint);
        if (event != null) {
            MDC.put(MDC_EVENT_ID, event.id().value());
            MDC.put(MDC_EVENT_TYPE, event.type());
        }
        try {
            logging.run();
        } finally {
            MDC.remove(MDC_ENDPOINT);
            MDC.remove(MDC_EVENT_ID);
            MDC.remove(MDC_EVENT_TYPE);
        }
    }

    private static Rejection rejectionFor(SignatureVerdict verdict) {
        return switch (verdict) {
            case MISSING_HEADER -> Rejection.MISSING_SIGNATURE;
            case MALFORMED_HEADER -> Rejection.MALFORMED_SIGNATURE;
            case NO_V1_SIGNATURE -> Rejection.NO_V1_SIGNATURE;
            case MISMATCH -> Rejection.BAD_SIGNATURE;
            case OUTSIDE_TOLERANCE -> Rejection.TIMESTAMP_OUTSIDE_TOLERANCE;
            case VALID -> throw new IllegalArgumentException("not a rejection");
        };
    }
}
