package io.paystream.ingest.webhook;

import java.util.Locale;

/** How a webhook request ended; the {@code outcome} tag of {@code paystream.ingest.requests}. */
enum Outcome {
    ACCEPTED,
    BAD_SIGNATURE,
    STALE,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED_MEDIA,
    LIVEMODE_REJECTED,
    UNKNOWN_ENDPOINT,
    NOT_CONFIGURED,
    UNAVAILABLE;

    private final String tag = name().toLowerCase(Locale.ROOT);

    String tag() {
        return tag;
    }
}
