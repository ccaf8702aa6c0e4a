package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogObject.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Every write of product and price state, by full syncs and by events alike: read the stored {@link OrderKey} and
 * {@code version}, decide in Java whether the new state is newer, then write conditionally on the version read (an
 * insert when nothing was stored). A concurrent writer makes the condition fail and the decision is made again on fresh
 * state. No transactions (the embedded test server has none), and every document is whole after every write, so a
 * crash between two writes leaves the catalog consistent. Reads and inserts go by {@code _id} alone, which every
 * MongoDB, the embedded test server included, answers from its primary index.
 */
@Component
public class CatalogWriter {

    public static final String DELETED = "deleted";
    public static final String MISSING_FROM_STRIPE = "missing_from_stripe";

    private static final int MAX_ATTEMPTS = 8;
    private static final Bson ORDER_FIELDS = Projections.include(ORDER_AT, ORDER_EVENT_ID, VERSION, SEEN_IN_RUN);
    private static final Document NOT_ARCHIVED = new Document(ARCHIVED_AT, "").append(ARCHIVED_REASON, "");

    private final MongoDatabase database;
    private final Clock clock;

    CatalogWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * What a batch of listed objects did.
     *
     * @param written state written (new or changed objects)
     * @param unchanged already stored exactly so: only marked as seen
     * @param stale left alone because an event had written newer state
     */
    public record BatchOutcome(int written, int unchanged, int stale) {}

    public enum EventOutcome {
        APPLIED,
        STALE
    }

    /** Another writer changed the same documents {@value #MAX_ATTEMPTS} times in a row; retrying later will do. */
    public static class ConcurrentCatalogWriteException extends RuntimeException {
        ConcurrentCatalogWriteException(String message) {
            super(message);
        }
    }

    /**
     * Writes one page of listed objects of one kind and marks each as seen by {@code runId}, the stale ones too (they
     * exist in Stripe; an event already wrote newer state).
     *
     * @param fetchedAt when the page was fetched: the order key of objects without {@code updated} (prices)
     */
    public BatchOutcome writeListed(
            String account, boolean livemode, String runId, List<CatalogObject> objects, Instant fetchedAt) {
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
            Map<String, Document> stored = storedDocuments(collection, pending.keySet());
            Date now = Date.from(clock.instant());
            List<WriteModel<Document>> writes = new ArrayList<>();
            Map<String, Long> expectedVersions = new HashMap<>();
            List<String> staleIds = new ArrayList<>();
            List<String> unchangedIds = new ArrayList<>();
            for (Map.Entry<String, CatalogObject> entry : pending.entrySet()) {
                CatalogObject object = entry.getValue();
                OrderKey key = object.updated() != null ? OrderKey.ofSync(object.updated()) : fetchKey;
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
                writes.add(stateWrite(entry.getKey(), account, livemode, object, key, state, current));
                expectedVersions.put(entry.getKey(), version(current) + 1);
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
            if (bulkWrite(collection, writes)) {
                written += writes.size();
                expectedVersions.keySet().forEach(pending::remove);
            } else {
                // a concurrent writer won some of them: keep those that landed, decide again on the others
                Map<String, Document> after = storedDocuments(collection, expectedVersions.keySet());
                for (Map.Entry<String, Long> expected : expectedVersions.entrySet()) {
                    Document landed = after.get(expected.getKey());
                    if (landed != null
                            && version(landed) == expected.getValue()
                            && runId.equals(landed.getString(SEEN_IN_RUN))) {
                        written++;
                        pending.remove(expected.getKey());
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new ConcurrentCatalogWriteException(
                    pending.size() + " listed objects changed concurrently " + MAX_ATTEMPTS + " times in a row");
        }
        return new BatchOutcome(written, unchanged, stale);
    }

    /**
     * Applies one event's object if the event is newer than the stored state; a deletion archives the object.
     *
     * @param created the event's {@code created}
     */
    public EventOutcome writeEvent(
            String account, boolean livemode, CatalogObject object, boolean deletion, Instant created, String eventId) {
        String id = CatalogDocuments.id(account, livemode, object.stripeId());
        MongoCollection<Document> collection =
                database.getCollection(object.kind().collection());
        OrderKey key = OrderKey.ofEvent(created, eventId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current =
                    collection.find(Filters.eq(ID, id)).projection(ORDER_FIELDS).first();
            if (!key.replaces(OrderKey.of(current))) {
                return EventOutcome.STALE;
            }
            Document state = new Document(object.state());
            if (deletion) {
                state.values().removeIf(Objects::isNull); // deletion payloads may be stubs: keep what is known
            }
            state.append(ARCHIVED, deletion)
                    .append(LAST_EVENT_ID, eventId)
                    .append(LAST_EVENT_CREATED, key.date())
                    .append(WRITTEN_AT, Date.from(clock.instant()));
            if (deletion) {
                state.append(ARCHIVED_AT, key.date()).append(ARCHIVED_REASON, DELETED);
                if (object.kind() == Kind.PRODUCT) {
                    state.append(SELLABLE, false).append(REASONS, List.of(SellableCheck.archivedReason()));
                }
            }
            WriteModel<Document> write = stateWrite(id, account, livemode, object, key, state, current);
            if (writeOne(collection, write)) {
                return EventOutcome.APPLIED;
            }
        }
        throw new ConcurrentCatalogWriteException(
                id + " changed concurrently " + MAX_ATTEMPTS + " times while applying " + eventId);
    }

    /**
     * Archives what a complete listing by {@code runId} did not contain: objects of this account and mode that no
     * longer exist in Stripe. Objects written after the run started (an event created them meanwhile) are spared. The
     * archive's order key is now, so no event older than the archiving brings an object back.
     *
     * @return how many were archived
     */
    public long archiveUnseen(Kind kind, String account, boolean livemode, String runId, Instant runStartedAt) {
        Instant now = clock.instant();
        OrderKey key = OrderKey.ofSync(now);
        Document set = new Document(ARCHIVED, true)
                .append(ARCHIVED_AT, Date.from(now))
                .append(ARCHIVED_REASON, MISSING_FROM_STRIPE)
                .append(ORDER_AT, key.date())
                .append(ORDER_EVENT_ID, key.eventId());
        if (kind == Kind.PRODUCT) {
            set.append(SELLABLE, false).append(REASONS, List.of(SellableCheck.archivedReason()));
        }
        return database.getCollection(kind.collection())
                .updateMany(
                        Filters.and(
                                Filters.eq(ACCOUNT, account),
                                Filters.eq(LIVEMODE, livemode),
                                Filters.eq(ARCHIVED, false),
                                Filters.ne(SEEN_IN_RUN, runId),
                                Filters.lt(WRITTEN_AT, Date.from(runStartedAt))),
                        new Document("$set", set).append("$inc", new Document(VERSION, 1L)))
                .getModifiedCount();
    }

    /** An insert when nothing is stored, else an update conditional on the version read. */
    private static WriteModel<Document> stateWrite(
            String id,
            String account,
            boolean livemode,
            CatalogObject object,
            OrderKey key,
            Document state,
            Document current) {
        long version = version(current);
        state.append(ACCOUNT, account)
                .append(LIVEMODE, livemode)
                .append(STRIPE_ID, object.stripeId())
                .append(ORDER_AT, key.date())
                .append(ORDER_EVENT_ID, key.eventId())
                .append(VERSION, version + 1);
        if (current == null) {
            return new InsertOneModel<>(withId(id, state));
        }
        Document update = new Document("$set", state);
        if (!Boolean.TRUE.equals(state.getBoolean(ARCHIVED))) {
            update.append("$unset", NOT_ARCHIVED);
        }
        return new UpdateOneModel<>(Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, version)), update);
    }

    private static Document withId(String id, Document state) {
        Document document = new Document(ID, id);
        document.putAll(state);
        return document;
    }

    private static long version(Document stored) {
        Number version = stored == null ? null : stored.get(VERSION, Number.class);
        return version == null ? 0 : version.longValue();
    }

    /** Whether {@code current} already holds exactly this state and is not archived. */
    private static boolean isStored(Document state, Document current) {
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
    private static boolean sameValue(Object listed, Object stored) {
        if (listed instanceof Map<?, ?> a && stored instanceof Map<?, ?> b) {
            return new HashMap<>(a).equals(new HashMap<>(b));
        }
        return Objects.equals(listed, stored);
    }

    private static Map<String, Document> storedDocuments(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        for (Document document : collection.find(Filters.in(ID, ids))) {
            byId.put(document.getString(ID), document);
        }
        return byId;
    }

    /** @return false when a concurrent writer made any of the writes miss (its version moved, or it inserted first) */
    private static boolean bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        long inserts = writes.stream().filter(InsertOneModel.class::isInstance).count();
        try {
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() == inserts && result.getMatchedCount() == writes.size() - inserts;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }

    private static boolean writeOne(MongoCollection<Document> collection, WriteModel<Document> write) {
        if (write instanceof InsertOneModel<Document> insert) {
            try {
                collection.insertOne(insert.getDocument());
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        UpdateOneModel<Document> update = (UpdateOneModel<Document>) write;
        return collection.updateOne(update.getFilter(), update.getUpdate()).getMatchedCount() == 1;
    }
}
