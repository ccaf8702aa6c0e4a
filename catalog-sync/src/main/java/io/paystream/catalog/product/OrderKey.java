package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.ORDER_AT;
import static io.paystream.catalog.product.CatalogDocuments.ORDER_EVENT_ID;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * How new the state of a stored product or price is: a Stripe time in whole seconds (Stripe's resolution), then the id
 * of the event that wrote it, {@code ""} for a full sync. Older never overwrites newer:
 *
 * <ul>
 *   <li>an event is keyed by its {@code created};
 *   <li>a full sync keys a product by its {@code updated} and a price (which has no {@code updated}) by the second
 *       its page was fetched. An event older than the listing is then stale, and in the same second the event wins
 *       (the ambiguous case goes to the event: the listing cannot tell whether it saw that change).
 * </ul>
 *
 * A full sync may rewrite state it wrote itself at the same key (a re-listing of an unchanged object), an event may
 * not (that is a duplicate delivery).
 *
 * @param at Stripe time, truncated to seconds
 * @param eventId the event's id, {@code ""} for a full sync
 */
public record OrderKey(Instant at, String eventId) implements Comparable<OrderKey> {

    private static final Comparator<OrderKey> ORDER =
            Comparator.comparing(OrderKey::at).thenComparing(OrderKey::eventId);

    public OrderKey {
        at = at.truncatedTo(ChronoUnit.SECONDS);
    }

    static OrderKey ofSync(Instant at) {
        return new OrderKey(at, "");
    }

    static OrderKey ofEvent(Instant created, String eventId) {
        return new OrderKey(created, eventId);
    }

    /** The key stored in a document, or null for a document without one. */
    static @Nullable OrderKey of(@Nullable Document stored) {
        Date at = stored == null ? null : stored.getDate(ORDER_AT);
        if (at == null) {
            return null;
        }
        String eventId = stored.getString(ORDER_EVENT_ID);
        return new OrderKey(at.toInstant(), eventId == null ? "" : eventId);
    }

    /** Whether state with this key may replace state stored with {@code stored} (null: nothing stored). */
    boolean replaces(@Nullable OrderKey stored) {
        if (stored == null) {
            return true;
        }
        int order = compareTo(stored);
        return order > 0 || (order == 0 && eventId.isEmpty());
    }

    @Override
    public int compareTo(OrderKey other) {
        return ORDER.compare(this, other);
    }

    Date date() {
        return Date.from(at);
    }
}
