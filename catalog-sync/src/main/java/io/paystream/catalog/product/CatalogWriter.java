package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.product.CatalogObject.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Every write of product and price state, by full syncs and by events alike: read the stored {@link OrderKey} and
 * {@code version}, decide in Java whether the new state is newer, then write conditionally on the version read (an
 * insert when nothing was stored). A concurrent writer makes the condition fail and the decision is made again on fresh
 * state. No transactions (the embedded test server has none), and every document is whole after every write, so a
 * crash between two writes leaves the catalog consistent. Reads and inserts go by {@code _id} alone, which every
 * MongoDB, the embedded test server included, answers from its primary index.
 *
 * <p>This class is what the sync and the event listener call, and decides for archiving; a full sync's page
 * ({@link ListedPageWriter}), a batch of events ({@link EventBatchWriter}) and the conditional write every decision
 * ends in ({@link VersionedWrites}) have classes of their own, so each can be read without the others.
 */
@Component
public class CatalogWriter {

    public static final String DELETED = "deleted";
    public static final String MISSING_FROM_STRIPE = "missing_from_stripe";

    private final MongoDatabase database;
    private final Clock clock;
    private final ListedPageWriter listed;
    private final EventBatchWriter events;

    CatalogWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.listed = new ListedPageWriter(database, clock);
        this.events = new EventBatchWriter(database, clock);
    }

    /**
     * What a batch of listed objects did.
     *
     * @param written state written (new or changed objects)
     * @param unchanged already stored exactly so: only marked as seen
     * @param stale left alone because an event had written newer state
     */
    public record BatchOutcome(int written, int unchanged, int stale) {}

    /**
     * One event's object, as {@link #writeEvents} takes it.
     *
     * @param account {@code platform} or {@code acct_...}
     * @param deletion whether the event deletes the object (it is archived)
     * @param created the event's {@code created}
     */
    public record EventWrite(
            String account, boolean livemode, CatalogObject object, boolean deletion, Instant created, String eventId) {

        String documentId() {
            return CatalogDocuments.id(account, livemode, object.stripeId());
        }

        OrderKey key() {
            return OrderKey.ofEvent(created, eventId);
        }
    }

    /** What an event did: its object's state written, or nothing, because newer state (or the event) was stored. */
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
     * Applies a batch of events' objects: each object's events in the order given, each only if it is newer than the
     * state before it (a deletion archives), then one write per changed object. See {@link EventBatchWriter}.
     *
     * @return each event's outcome, in the order given
     * @throws ConcurrentCatalogWriteException when other writers kept winning an object's write
     */
    public List<EventOutcome> writeEvents(List<EventWrite> events) {
        return this.events.write(events);
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
