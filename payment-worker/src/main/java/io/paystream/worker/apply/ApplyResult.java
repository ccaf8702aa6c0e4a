package io.paystream.worker.apply;

import io.paystream.support.outbox.OutboxEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one event and the outbox entries its write added (to relay right away).
 *
 * @param outcome what happened
 * @param eventType the Stripe event type (for metrics)
 * @param collection where the aggregate lives, null unless applied
 * @param aggregateId the document id, null unless applied
 * @param outbox the entries added to the document's {@code outbox}
 */
public record ApplyResult(
        ApplyOutcome outcome,
        String eventType,
        @Nullable String collection,
        @Nullable String aggregateId,
        List<OutboxEntry> outbox) {

    static ApplyResult of(ApplyOutcome outcome, String eventType) {
        return new ApplyResult(outcome, eventType, null, null, List.of());
    }
}
