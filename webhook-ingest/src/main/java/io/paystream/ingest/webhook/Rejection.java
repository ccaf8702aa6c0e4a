package io.paystream.ingest.webhook;

import org.springframework.http.HttpStatus;

/**
 * Every way a webhook request is refused: the status Stripe sees, the metric outcome, and a fixed JSON body. Bodies are
 * constants so that nothing from the request (body, headers, ids) is ever echoed back.
 */
enum Rejection {
    UNKNOWN_ENDPOINT(
            HttpStatus.NOT_FOUND, Outcome.UNKNOWN_ENDPOINT, "unknown_endpoint", "No webhook endpoint with this id"),
    ENDPOINT_NOT_CONFIGURED(
            HttpStatus.BAD_REQUEST,
            Outcome.NOT_CONFIGURED,
            "endpoint_not_configured",
            "This webhook endpoint has no signing secret configured"),
    UNSUPPORTED_MEDIA_TYPE(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            Outcome.UNSUPPORTED_MEDIA,
            "unsupported_media_type",
            "Content-Type must be application/json"),
    BODY_TOO_LARGE(
            HttpStatus.CONTENT_TOO_LARGE, Outcome.TOO_LARGE, "body_too_large", "Request body exceeds the size limit"),
    MISSING_SIGNATURE(
            HttpStatus.BAD_REQUEST, Outcome.BAD_SIGNATURE, "missing_signature", "Stripe-Signature header is missing"),
    MALFORMED_SIGNATURE(
            HttpStatus.BAD_REQUEST,
            Outcome.BAD_SIGNATURE,
            "malformed_signature",
            "Stripe-Signature header is malformed"),
    NO_V1_SIGNATURE(
            HttpStatus.BAD_REQUEST,
            Outcome.BAD_SIGNATURE,
            "no_v1_signature",
            "Stripe-Signature header carries no v1 signature"),
    BAD_SIGNATURE(
            HttpStatus.BAD_REQUEST,
            Outcome.BAD_SIGNATURE,
            "bad_signature",
            "No signature matches the payload and the endpoint's secrets"),
    TIMESTAMP_OUTSIDE_TOLERANCE(
            HttpStatus.BAD_REQUEST,
            Outcome.STALE,
            "timestamp_outside_tolerance",
            "Signature timestamp is too old or too far in the future"),
    INVALID_JSON(HttpStatus.BAD_REQUEST, Outcome.MALFORMED, "invalid_json", "Body is not valid JSON"),
    NOT_A_STRIPE_EVENT(
            HttpStatus.BAD_REQUEST,
            Outcome.MALFORMED,
            "not_a_stripe_event",
            "Body is not a Stripe event (object must be event or v2.core.event)"),
    MISSING_EVENT_FIELD(
            HttpStatus.BAD_REQUEST,
            Outcome.MALFORMED,
            "missing_event_field",
            "Event lacks id, type, livemode, or the id of its object"),
    BODY_UNREADABLE(HttpStatus.BAD_REQUEST, Outcome.MALFORMED, "body_unreadable", "Request body could not be read"),
    LIVEMODE_REJECTED(
            HttpStatus.BAD_REQUEST,
            Outcome.LIVEMODE_REJECTED,
            "livemode_not_accepted",
            "This endpoint does not accept events of this mode (live/test)"),
    OVERLOADED(
            HttpStatus.SERVICE_UNAVAILABLE,
            Outcome.UNAVAILABLE,
            "overloaded",
            "Too many requests in flight, retry later"),
    PUBLISH_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            Outcome.UNAVAILABLE,
            "unavailable",
            "The event could not be stored, retry later");

    private final HttpStatus status;
    private final Outcome outcome;
    private final String code;
    private final byte[] body;

    Rejection(HttpStatus status, Outcome outcome, String code, String message) {
        this.status = status;
        this.outcome = outcome;
        this.code = code;
        this.body = WebhookResponses.json(code, message);
    }

    HttpStatus status() {
        return status;
    }

    Outcome outcome() {
        return outcome;
    }

    String code() {
        return code;
    }

    byte[] body() {
        return body;
    }
}
