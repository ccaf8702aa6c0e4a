package io.paystream.ingest.webhook;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The few fields of a verified event the ingest needs for routing and headers.
 *
 * @param id the event id
 * @param type the event type
 * @param shape snapshot or thin
 * @param account the connected account (snapshot: {@code account}, thin: {@code context}), or {@code null}
 * @param livemode the event's {@code livemode}
 * @param apiVersion {@code api_version}, or {@code null}
 * @param created {@code created}, or {@code null} when absent or unreadable
 * @param key the Kafka key: the id of the object the event is about
 */
record ParsedStripeEvent(
        StripeEventId id,
        String type,
        EventShape shape,
        @Nullable String account,
        boolean livemode,
        @Nullable String apiVersion,
        @Nullable Instant created,
        String key) {}
