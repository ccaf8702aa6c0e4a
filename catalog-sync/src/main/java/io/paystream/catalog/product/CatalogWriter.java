package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.paystream.catalog.product.CatalogObject.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Every write to the stored catalog, each a conditional single-document upsert, so no transaction is needed and a
 * crash between two writes leaves every document whole.
 *
 * <p>Order rule (older never overwrites newer), on {@link CatalogDocuments#ORDER_AT}, a Stripe time in whole seconds:
 *
 * <ul>
 *   <li>an event writes at its {@code created}, and replaces state written earlier than that, or at the same second
 *       by a sync or by an event with a smaller id;
 *   <li>a full sync writes a product at its {@code updated} and a price (which has no {@code updated}) at the second
 *       it was fetched; it replaces state written at or before that. So an event older than the listing is stale,
 *       and an event in the same second as the listing wins (the ambiguous case goes to the event, whose next
 *       delivery or the next sync settles it).
 * </ul>
 *
 * A write that loses finds the document present but its filter unmatched, so its upsert collides on {@code _id}
 * (E11000): that is how "stale" is detected without a read.
 */
@Component
public class CatalogWriter {

    public static final String DELETED = "deleted";
    public static final String MISSING_FROM_STRIPE = "missing_from_stripe";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase database;
    private final Clock clock;

    CatalogWriter(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What a batch of listed objects did. */
    public record BatchOutcome(int written, int stale) {}

    /** What one event did. */
    public enum EventOutcome {
        APPLIED,
        STALE
    }

    /**
     * Writes one page's worth of listed objects of one kind, marking each as seen by {@code runId} (the stale ones
     * too: they exist in Stripe, a newer event already wrote them).
     */
    public BatchOutcome writeListed(
            String account, boolean livemode, String runId, List<CatalogObject> objects, Instant fetchedAt) {
        if (objects.isEmpty()) {
            return new BatchOutcome(0, 0);
        }
        Kind kind = objects.get(0).kind();
        Date now = Date.from(clock.instant());
        Date fetchedSecond = Date.from(fetchedAt.truncatedTo(ChronoUnit.SECONDS));
        List<WriteModel<Document>> writes = new ArrayList<>(objects.size());
        for (CatalogObject object : objects) {
            String id = CatalogDocuments.id(account, livemode, object.stripeId());
            Date orderAt = object.updated() == null ? fetchedSecond : Date.from(object.updated());
            Document update = new Document(
                            "$set",
                            new Document(object.state())
                                    .append(ACCOUNT, account)
                                    .append(LIVEMODE, livemode)
                                    .append(STRIPE_ID, object.stripeId())
                                    .append(ORDER_AT, orderAt)
                                    .append(ORDER_EVENT_ID, "")
                                    .append(ARCHIVED, false)
                                    .append(SEEN_IN_RUN, runId)
                                    .append(WRITTEN_AT, now))
                    .append("$unset", new Document(ARCHIVED_AT, "").append(ARCHIVED_REASON, ""));
            writes.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq(ID, id), Filters.lte(ORDER_AT, orderAt)), update, UPSERT));
        }
        List<String> staleIds = new ArrayList<>();
        MongoCollection<Document> collection = database.getCollection(kind.collection());
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                staleIds.add(CatalogDocuments.id(
                        account, livemode, objects.get(error.getIndex()).stripeId()));
            }
        }
        if (!staleIds.isEmpty()) {
            collection.updateMany(Filters.in(ID, staleIds), Updates.set(SEEN_IN_RUN, runId));
        }
        return new BatchOutcome(objects.size() - staleIds.size(), staleIds.size());
    }

    /**
     * Archives what a complete listing by {@code runId} did not contain: objects of this account and mode that no
     * longer exist in Stripe. Objects written after the run started (an event created them meanwhile) are spared.
     *
     * @return how many were archived
     */
    public long archiveUnseen(Kind kind, String account, boolean livemode, String runId, Instant runStartedAt) {
        Instant now = clock.instant();
        Document set = new Document(ARCHIVED, true)
                .append(ARCHIVED_AT, Date.from(now))
                .append(ARCHIVED_REASON, MISSING_FROM_STRIPE)
                // later events are about an object that is gone: none may bring it back
                .append(ORDER_AT, Date.from(now.truncatedTo(ChronoUnit.SECONDS)))
                .append(ORDER_EVENT_ID, "");
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
                        new Document("$set", set))
                .getModifiedCount();
    }

    /**
     * Applies one event's object (a deletion archives it) if the event is newer than what is stored.
     *
     * @param created the event's {@code created}
     */
    public EventOutcome writeEvent(
            String account, boolean livemode, CatalogObject object, boolean deletion, Instant created, String eventId) {
        String id = CatalogDocuments.id(account, livemode, object.stripeId());
        Date orderAt = Date.from(created.truncatedTo(ChronoUnit.SECONDS));
        Document set = new Document(object.state());
        if (deletion) {
            set.values().removeIf(Objects::isNull); // deletion payloads may be stubs: keep what is known
        }
        set.append(ACCOUNT, account)
                .append(LIVEMODE, livemode)
                .append(STRIPE_ID, object.stripeId())
                .append(ORDER_AT, orderAt)
                .append(ORDER_EVENT_ID, eventId)
                .append(LAST_EVENT_ID, eventId)
                .append(LAST_EVENT_CREATED, orderAt)
                .append(ARCHIVED, deletion)
                .append(WRITTEN_AT, Date.from(clock.instant()));
        Document update = new Document("$set", set);
        if (deletion) {
            set.append(ARCHIVED_AT, orderAt).append(ARCHIVED_REASON, DELETED);
            if (object.kind() == Kind.PRODUCT) {
                set.append(SELLABLE, false).append(REASONS, List.of(SellableCheck.archivedReason()));
            }
        } else {
            update.append("$unset", new Document(ARCHIVED_AT, "").append(ARCHIVED_REASON, ""));
        }
        Bson newer = Filters.or(
                Filters.lt(ORDER_AT, orderAt),
                Filters.and(Filters.eq(ORDER_AT, orderAt), Filters.lt(ORDER_EVENT_ID, eventId)));
        try {
            database.getCollection(object.kind().collection())
                    .updateOne(Filters.and(Filters.eq(ID, id), newer), update, UPSERT);
            return EventOutcome.APPLIED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return EventOutcome.STALE;
            }
            throw e;
        }
    }
}
