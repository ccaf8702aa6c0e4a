package io.paystream.events;

import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Topics#STRIPE_EVENTS} record reached Paystream: header {@value StripeEventHeaders#SOURCE}, absent on
 * webhooks (so every record written before the header existed reads as {@link #WEBHOOK}).
 */
public enum EventSource {
    /** Delivered by Stripe to webhook-ingest. */
    WEBHOOK,
    /** A Stripe event read from {@code GET /v1/events} by reconciliation: one the webhooks may have missed. */
    RECONCILIATION,
    /** An object listed by a backfill ({@link EventShape#FETCHED}). */
    BACKFILL,
    /** An object fetched to resolve a thin event ({@link EventShape#FETCHED}). */
    THIN_EVENT;

    // kept, not lower-cased per call: every fetched record and every consumed record reads it
    private final String headerValue = name().toLowerCase(Locale.ROOT);

    public String headerValue() {
        return headerValue;
    }

    /**
     * The source a record's headers name.
     *
     * @throws MalformedEventHeadersException when the header holds an unknown value
     */
    public static EventSource fromHeaders(Function<String, @Nullable String> header) {
        String value = header.apply(StripeEventHeaders.SOURCE);
        if (value == null) {
            return WEBHOOK;
        }
        for (EventSource source : values()) {
            if (source.headerValue().equals(value)) {
                return source;
            }
        }
        throw new MalformedEventHeadersException("unknown " + StripeEventHeaders.SOURCE + " '" + value + "'", null);
    }
}
