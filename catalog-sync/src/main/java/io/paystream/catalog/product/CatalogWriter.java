package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogObject.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
 *
 * <p>This class is what the sync and the event listener call, and decides for one event and for archiving; a full
 * sync's page ({@link ListedPageWriter}) and the conditional write both kinds of decision end in
 * ({@link VersionedWrites}) have classes of their own, so each can be read without the others.
 */
@Component
public class CatalogWriter {

    public static final String DELETED = "deleted";
    public static final String MISSING_FROM_STRIPE = "missing_from_stripe";

    private static final Bson ORDER_FIELDS = Projections.include(ORDER_AT, ORDER_EVENT_ID, VERSION, SEEN_IN_RUN);

    private final MongoDatabase database;
    private final Clock clock;
    private final ListedPageWriter listed;

    CatalogWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.listed = new ListedPageWriter(database, clock);
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

    /**
     * Another writer changed the same documents {@value VersionedWrites#MAX_ATTEMPTS} times in a row; retrying later
     * will do.
     */
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
        return listed.write(account, livemode, runId, objects, fetchedAt);
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
        for (int attempt = 0; attempt < VersionedWrites.MAX_ATTEMPTS; attempt++) {
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
            WriteModel<Document> write = VersionedWrites.stateWrite(id, account, livemode, object, key, state, current);
            if (VersionedWrites.writeOne(collection, write)) {
                return EventOutcome.APPLIED;
            }
        }
        throw new ConcurrentCatalogWriteException(
                id + " changed concurrently " + VersionedWrites.MAX_ATTEMPTS + " times while applying " + eventId);
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
}
