package io.paystream.worker.apply;

import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Maps one Stripe object type to its stored state. Implementations are pure functions of the event and the previous
 * state: no I/O, so the engine can decide and write atomically.
 */
public interface Projection {

    /** {@code data.object.object} this projection handles. */
    String objectType();

    /** The MongoDB collection, one per aggregate type. */
    String collection();

    /** The document id; the Stripe object id unless the object has none. */
    default String aggregateId(StripeEvent event) {
        if (event.objectId() == null) {
            throw new PoisonEventException("event " + event.id() + " has no data.object.id");
        }
        return event.objectId();
    }

    /** The stored fields taken from the object; every field is always present (null when Stripe sent none). */
    Document state(StripeEvent event);

    /**
     * The forward order of the stored {@code status}, which drives the default {@link #precedence} and
     * {@link #terminal}; null for objects without a status lifecycle.
     */
    default @Nullable StatusRank statuses() {
        return null;
    }

    /**
     * Orders two states of the same object whose events have the same {@code created} second: the higher wins.
     * Must grow along the object's forward lifecycle (status rank first, then monotonic counters).
     */
    default long precedence(Document state) {
        StatusRank statuses = statuses();
        return statuses == null ? 0 : statuses.rank(state.getString("status"));
    }

    /** Terminal states are never left for a non-terminal one, whatever the event times say. */
    default boolean terminal(Document state) {
        StatusRank statuses = statuses();
        return statuses != null && statuses.isTerminal(state.getString("status"));
    }

    /** The domain events a transition from {@code previous} (null when new) to {@code next} produces. */
    default List<DomainChange> changes(@Nullable Document previous, Document next) {
        return List.of();
    }

    /** Secondary indexes the query side needs, as key documents. */
    default List<Document> indexes() {
        return List.of();
    }
}
