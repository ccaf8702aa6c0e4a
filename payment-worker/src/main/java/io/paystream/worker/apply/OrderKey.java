package io.paystream.worker.apply;

import io.paystream.events.fetched.FetchedObject;
import java.util.Comparator;
import java.util.Date;
import org.bson.Document;

/**
 * The total order in which states of one object supersede each other; an event is applied only if its key is greater
 * than the stored one, so every delivery order converges on the same final state:
 *
 * <ol>
 *   <li>terminal before non-terminal: a terminal state (succeeded, paid, canceled, deleted ...) is never replaced by
 *       a non-terminal one, even from a newer event;
 *   <li>then the event's {@code created} second (a fetched object's: the second it was fetched);
 *   <li>then the projection's precedence (status rank, then monotonic counters), for ties within one second;
 *   <li>then an event before a fetched object: the fetch cannot tell whether it saw that event's change, so at equal
 *       precedence within one second the event's state is kept, whatever the ids;
 *   <li>then the event id: arbitrary but deterministic, for two events of the same second and precedence (Stripe's
 *       "two events for one change", or field-only updates such as two {@code customer.updated}), or two fetches.
 * </ol>
 *
 * @param fetched whether the state came from a fetched object; stored as its {@code <object>.fetched} event type
 */
record OrderKey(boolean terminal, long created, long precedence, boolean fetched, String eventId)
        implements Comparable<OrderKey> {

    private static final Comparator<OrderKey> ORDER = Comparator.comparing(OrderKey::terminal)
            .thenComparingLong(OrderKey::created)
            .thenComparingLong(OrderKey::precedence)
            .thenComparing(OrderKey::fetched, Comparator.reverseOrder())
            .thenComparing(OrderKey::eventId);

    static OrderKey stored(Document document) {
        Date created = document.getDate(StoredFields.LAST_EVENT_CREATED);
        String type = document.getString(StoredFields.LAST_EVENT_TYPE);
        return new OrderKey(
                Boolean.TRUE.equals(document.getBoolean(StoredFields.TERMINAL)),
                created == null ? Long.MIN_VALUE : created.getTime() / 1000,
                Fields.longOr(document, StoredFields.PRECEDENCE, Long.MIN_VALUE),
                type != null && FetchedObject.isFetchedType(type),
                document.get(StoredFields.LAST_EVENT_ID, ""));
    }

    /**
     * Two events (not fetched objects) equal on everything the payloads say (terminal, second, precedence), different
     * only in the event id: the tie refetch mode settles. A tie that involves a fetched object is settled by the order
     * itself (the event wins; between two fetches the greater id).
     */
    boolean tiesWith(OrderKey other) {
        return !fetched
                && !other.fetched
                && terminal == other.terminal
                && created == other.created
                && precedence == other.precedence
                && !eventId.equals(other.eventId);
    }

    @Override
    public int compareTo(OrderKey other) {
        return ORDER.compare(this, other);
    }
}
