package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.ORDER_AT;
import static io.paystream.catalog.product.CatalogDocuments.ORDER_EVENT_ID;
import static io.paystream.catalog.product.CatalogDocuments.VERSION;
import static io.paystream.catalog.product.VersionedWrites.MAX_ATTEMPTS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogObject.Kind;
import io.paystream.catalog.product.CatalogWriter.ConcurrentCatalogWriteException;
import io.paystream.catalog.product.CatalogWriter.EventOutcome;
import io.paystream.catalog.product.CatalogWriter.EventWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A batch of events, written per collection with one read of the stored order keys ({@code _id $in}) and one
 * unordered bulk write: each object's events are folded into its one write ({@link EventFold}). Writing event by
 * event took four or five round trips per event; the batch takes two per collection, whatever its size.
 *
 * <p>Correctness never rests on the batch: each write is conditional on the version read, as every catalog write is.
 * When another writer (a full sync, another instance) won some of them, the documents are read again and the objects
 * whose write did not land are decided again from scratch, all their events in order, up to
 * {@value VersionedWrites#MAX_ATTEMPTS} times, like a single write.
 */
final class EventBatchWriter {

    private static final Bson ORDER_FIELDS = Projections.include(ORDER_AT, ORDER_EVENT_ID, VERSION);

    private final MongoDatabase database;
    private final Clock clock;

    EventBatchWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** See {@link CatalogWriter#writeEvents}. */
    List<EventOutcome> write(List<EventWrite> events) {
        EventOutcome[] outcomes = new EventOutcome[events.size()];
        Map<Kind, Map<String, List<Integer>>> byKind = new EnumMap<>(Kind.class);
        for (int i = 0; i < events.size(); i++) {
            EventWrite event = events.get(i);
            byKind.computeIfAbsent(event.object().kind(), kind -> new LinkedHashMap<>())
                    .computeIfAbsent(event.documentId(), id -> new ArrayList<>())
                    .add(i);
        }
        byKind.forEach((kind, byId) -> write(database.getCollection(kind.collection()), byId, events, outcomes));
        return Arrays.asList(outcomes);
    }

    /** @param byId each document's events, as indexes into {@code events} in the order given */
    private void write(
            MongoCollection<Document> collection,
            Map<String, List<Integer>> byId,
            List<EventWrite> events,
            EventOutcome[] outcomes) {
        Map<String, List<Integer>> pending = new LinkedHashMap<>(byId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Map<String, Document> stored = VersionedWrites.storedDocuments(collection, pending.keySet(), ORDER_FIELDS);
            Date now = Date.from(clock.instant());
            Map<String, EventFold> folds = new LinkedHashMap<>();
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> object : pending.entrySet()) {
                EventFold fold = new EventFold(stored.get(object.getKey()));
                for (int index : object.getValue()) {
                    outcomes[index] = fold.offer(events.get(index), now);
                }
                if (fold.changed()) {
                    folds.put(object.getKey(), fold);
                    writes.add(fold.write(object.getKey()));
                }
            }
            pending.keySet().retainAll(folds.keySet()); // all stale: decided, nothing to write
            if (writes.isEmpty() || VersionedWrites.bulkWrite(collection, writes)) {
                return;
            }
            Map<String, Document> after = VersionedWrites.storedDocuments(collection, folds.keySet(), ORDER_FIELDS);
            folds.forEach((id, fold) -> {
                if (fold.landedIn(after.get(id))) {
                    pending.remove(id);
                }
            });
        }
        if (!pending.isEmpty()) {
            throw new ConcurrentCatalogWriteException(pending.size() + " objects changed concurrently " + MAX_ATTEMPTS
                    + " times in a row while applying events, e.g. "
                    + pending.keySet().iterator().next());
        }
    }
}
