package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogObject.Kind;
import io.paystream.catalog.product.CatalogWriter.EventOutcome;
import io.paystream.catalog.product.CatalogWriter.EventWrite;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One stored object's events of a batch, folded in memory into the single write they add up to. Each event is decided
 * against the state before it exactly as if the events before it had been written one by one: applied when its key
 * replaces the key so far, else stale. The write is what those writes in sequence would have left: every applied
 * event's {@code $set} laid over the one before (a deletion's stub fields do not erase what an earlier event set), and
 * an {@code $unset} that a later event's {@code $set} of the same field cancels, and the reverse.
 */
final class EventFold {

    private final @Nullable Document stored;
    private final long version;
    private @Nullable OrderKey key;
    private @Nullable OrderKey written;
    private final Document set = new Document();
    private final Set<String> unset = new LinkedHashSet<>();

    /** @param stored the object's order fields and version as read, null when nothing is stored */
    EventFold(@Nullable Document stored) {
        this.stored = stored;
        this.version = VersionedWrites.version(stored) + 1;
        this.key = OrderKey.of(stored);
    }

    /** Decides the next event of this object and, when it applies, adds its state to the write. */
    EventOutcome offer(EventWrite event, Date now) {
        OrderKey eventKey = event.key();
        if (!eventKey.replaces(key)) {
            return EventOutcome.STALE;
        }
        Document state = state(event, eventKey, now);
        VersionedWrites.withBookkeeping(state, event.account(), event.livemode(), event.object(), eventKey, version);
        for (Map.Entry<String, Object> field : state.entrySet()) {
            set.put(field.getKey(), field.getValue());
            unset.remove(field.getKey());
        }
        for (String field : VersionedWrites.unsetBy(state)) {
            set.remove(field);
            unset.add(field);
        }
        key = eventKey;
        written = eventKey;
        return EventOutcome.APPLIED;
    }

    /** Whether any event applied, so there is something to write. */
    boolean changed() {
        return written != null;
    }

    WriteModel<Document> write(String id) {
        return VersionedWrites.write(id, set, unset, stored);
    }

    /**
     * Whether this fold's write is what is stored now: the version it wrote with the key of its last event. A
     * concurrent writer that wrote the same version with the same last event applied that very event, so it counts.
     */
    boolean landedIn(@Nullable Document current) {
        return current != null
                && VersionedWrites.version(current) == version
                && Objects.equals(OrderKey.of(current), written);
    }

    /** An event's own state and bookkeeping, as a single event's write has always stored it. */
    private static Document state(EventWrite event, OrderKey key, Date now) {
        Document state = new Document(event.object().state());
        if (event.deletion()) {
            state.values().removeIf(Objects::isNull); // deletion payloads may be stubs: keep what is known
        }
        state.append(ARCHIVED, event.deletion())
                .append(LAST_EVENT_ID, event.eventId())
                .append(LAST_EVENT_CREATED, key.date())
                .append(WRITTEN_AT, now);
        if (event.deletion()) {
            state.append(ARCHIVED_AT, key.date()).append(ARCHIVED_REASON, CatalogWriter.DELETED);
            if (event.object().kind() == Kind.PRODUCT) {
                state.append(SELLABLE, false).append(REASONS, List.of(SellableCheck.archivedReason()));
            }
        }
        return state;
    }
}
