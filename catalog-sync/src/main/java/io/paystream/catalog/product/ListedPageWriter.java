package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.ARCHIVED;
import static io.paystream.catalog.product.CatalogDocuments.ID;
import static io.paystream.catalog.product.CatalogDocuments.ORDER_AT;
import static io.paystream.catalog.product.CatalogDocuments.SEEN_IN_RUN;
import static io.paystream.catalog.product.CatalogDocuments.WRITTEN_AT;
import static io.paystream.catalog.product.VersionedWrites.MAX_ATTEMPTS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogWriter.BatchOutcome;
import io.paystream.catalog.product.CatalogWriter.ConcurrentCatalogWriteException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A full sync's page of listed objects, written as a batch: one read of the stored documents, one bulk write of what
 * changed, one update that marks the rest as seen. Its own class because a page has concerns no event has: telling
 * unchanged objects from changed ones (most of a re-sync), marking every listed object seen by the run, and keeping
 * the writes that landed when a concurrent writer won only some of the page.
 */
final class ListedPageWriter {

    private final MongoDatabase database;
    private final Clock clock;

    ListedPageWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** See {@link CatalogWriter#writeListed}. */
    BatchOutcome write(String account, boolean livemode, String runId, List<CatalogObject> objects, Instant fetchedAt) {
        if (objects.isEmpty()) {
            return new BatchOutcome(0, 0, 0);
        }
        MongoCollection<Document> collection =
                database.getCollection(objects.get(0).kind().collection());
        Map<String, CatalogObject> pending = new LinkedHashMap<>();
        objects.forEach(o -> pending.put(CatalogDocuments.id(account, livemode, o.stripeId()), o));
        int written = 0;
        int unchanged = 0;
        int stale = 0;
        OrderKey fetchKey = OrderKey.ofSync(fetchedAt);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Map<String, Document> stored = VersionedWrites.storedDocuments(collection, pending.keySet());
            Date now = Date.from(clock.instant());
            List<WriteModel<Document>> writes = new ArrayList<>();
            Map<String, Long> expectedVersions = new HashMap<>();
            List<String> staleIds = new ArrayList<>();
            List<String> unchangedIds = new ArrayList<>();
            for (Map.Entry<String, CatalogObject> entry : pending.entrySet()) {
                CatalogObject object = entry.getValue();
                Instant updated = object.updated();
                OrderKey key = updated != null ? OrderKey.ofSync(updated) : fetchKey;
                Document current = stored.get(entry.getKey());
                if (!key.replaces(OrderKey.of(current))) {
                    staleIds.add(entry.getKey());
                    continue;
                }
                if (isStored(object.state(), current)) {
                    unchangedIds.add(entry.getKey());
                    continue;
                }
                Document state = new Document(object.state())
                        .append(ARCHIVED, false)
                        .append(SEEN_IN_RUN, runId)
                        .append(WRITTEN_AT, now);
                writes.add(VersionedWrites.stateWrite(entry.getKey(), account, livemode, object, key, state, current));
                expectedVersions.put(entry.getKey(), VersionedWrites.version(current) + 1);
            }
            if (!staleIds.isEmpty()) {
                collection.updateMany(Filters.in(ID, staleIds), Updates.set(SEEN_IN_RUN, runId));
                staleIds.forEach(pending::remove);
                stale += staleIds.size();
            }
            if (!unchangedIds.isEmpty()) {
                // Rewriting 100 unchanged documents per page would be most of a re-sync's cost: one update marks them
                // seen, and moves a price's order key up to this fetch ($max: never down, whoever wrote meanwhile).
                Bson seen = Updates.set(SEEN_IN_RUN, runId);
                collection.updateMany(
                        Filters.in(ID, unchangedIds),
                        objects.get(0).updated() == null
                                ? Updates.combine(seen, Updates.max(ORDER_AT, fetchKey.date()))
                                : seen);
                unchangedIds.forEach(pending::remove);
                unchanged += unchangedIds.size();
            }
            if (writes.isEmpty()) {
                break;
            }
            if (VersionedWrites.bulkWrite(collection, writes)) {
                written += writes.size();
                expectedVersions.keySet().forEach(pending::remove);
            } else {
                written += keepLanded(collection, runId, expectedVersions, pending);
            }
        }
        if (!pending.isEmpty()) {
            throw new ConcurrentCatalogWriteException(
                    pending.size() + " listed objects changed concurrently " + MAX_ATTEMPTS + " times in a row");
        }
        return new BatchOutcome(written, unchanged, stale);
    }

    /**
     * A concurrent writer won some of the writes: keeps those that landed (the version written, seen by this run),
     * leaves the others pending to be decided again; returns how many landed.
     */
    private static int keepLanded(
            MongoCollection<Document> collection,
            String runId,
            Map<String, Long> expectedVersions,
            Map<String, CatalogObject> pending) {
        int landedCount = 0;
        Map<String, Document> after = VersionedWrites.storedDocuments(collection, expectedVersions.keySet());
        for (Map.Entry<String, Long> expected : expectedVersions.entrySet()) {
            Document landed = after.get(expected.getKey());
            if (landed != null
                    && VersionedWrites.version(landed) == expected.getValue()
                    && runId.equals(landed.getString(SEEN_IN_RUN))) {
                landedCount++;
                pending.remove(expected.getKey());
            }
        }
        return landedCount;
    }

    /** Whether {@code current} already holds exactly this state and is not archived. */
    private static boolean isStored(Document state, @Nullable Document current) {
        if (current == null || !Boolean.FALSE.equals(current.getBoolean(ARCHIVED))) {
            return false;
        }
        for (Map.Entry<String, Object> field : state.entrySet()) {
            if (!sameValue(field.getValue(), current.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equality across the map types the driver and stripe-java use (org.bson.Document only equals a Document). */
    private static boolean sameValue(@Nullable Object listed, @Nullable Object stored) {
        if (listed instanceof Map<?, ?> a && stored instanceof Map<?, ?> b) {
            return new HashMap<>(a).equals(new HashMap<>(b));
        }
        return Objects.equals(listed, stored);
    }
}
