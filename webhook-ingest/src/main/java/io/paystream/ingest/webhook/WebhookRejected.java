package io.paystream.ingest.webhook;

import org.jspecify.annotations.Nullable;

/**
 * A request refused with a 4xx or 503. Carries no stack trace: rejections are expected traffic (forgeries, replays,
 * an unavailable broker), not bugs, and may arrive thousands of times a second.
 */
final class WebhookRejected extends RuntimeException {

    private final Rejection rejection;
    private final String endpointTag;
    private final @Nullable ParsedStripeEvent event;

    WebhookRejected(Rejection rejection, String endpointTag) {
        this(rejection, endpointTag, null, null);
    }

    WebhookRejected(
            Rejection rejection, String endpointTag, @Nullable ParsedStripeEvent event, @Nullable Throwable cause) {
        super(rejection.code(), cause, false, false);
        this.rejection = rejection;
        this.endpointTag = endpointTag;
        this.event = event;
    }

    Rejection rejection() {
        return rejection;
    }

    String endpointTag() {
        return endpointTag;
    }

    /** The event, when the rejection came after the body was verified and parsed; otherwise {@code null}. */
    @Nullable
    ParsedStripeEvent event() {
        return event;
    }
}
