package io.paystream.worker.apply;

import io.paystream.events.EventSource;
import org.bson.Document;

/**
 * A record of a batch as far as it can be decided without reading the store: either nothing to apply, or the state it
 * would write and the key that orders it.
 */
sealed interface Prepared permits Prepared.Ignored, Prepared.Applicable {

    /** The record's position in its batch. */
    int index();

    /** The Stripe event type (for metrics and results). */
    String eventType();

    /** How the record reached Paystream (for metrics). */
    EventSource source();

    /** A thin event, or an object type no projection handles: acknowledged, never written. */
    record Ignored(int index, String eventType, EventSource source) implements Prepared {

        ApplyResult result() {
            return ApplyResult.of(ApplyOutcome.IGNORED, eventType);
        }
    }

    /**
     * An event of a projected object type.
     *
     * @param state the projection's state fields (deletions: only the fields the stub carries, plus the tombstone)
     * @param key where this state stands in the object's order
     */
    record Applicable(
            int index, StripeEvent event, Projection projection, String aggregateId, Document state, OrderKey key)
            implements Prepared {

        @Override
        public String eventType() {
            return event.type();
        }

        @Override
        public EventSource source() {
            return event.source();
        }
    }
}
