package io.paystream.catalog.reconcile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.paystream.catalog.sync.SyncTarget;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Collection {@code reconcile_cursors}, one document per target ({@code _id} = {@code <account>:<mode>}): the last
 * event published and acknowledged (its id and {@code created}), and the last pass's outcome, which is the target's
 * reconciliation status. Written only under the target's reconciliation lock.
 */
@Component
class ReconcileCursors {

    static final String COLLECTION = "reconcile_cursors";
    static final String EVENT_ID = "eventId";
    static final String CREATED = "created";
    static final String LAST_PASS_AT = "lastPassAt";
    static final String LAST_OUTCOME = "lastOutcome";
    static final String LAST_DETAIL = "lastDetail";
    static final String PUBLISHED = "published";

    private final MongoCollection<Document> cursors;

    ReconcileCursors(MongoDatabase database) {
        this.cursors = database.getCollection(COLLECTION);
    }

    /**
     * Where a target's reconciliation stands.
     *
     * @param eventId the last event published, null when the cursor is only a time (a first pass, a gap moved to
     *     now with no event to name)
     * @param created that event's {@code created}, or the time
     */
    record Cursor(@Nullable String eventId, Instant created) {}

    Optional<Cursor> load(SyncTarget target) {
        Document found = cursors.find(Filters.eq("_id", target.key())).first();
        if (found == null || found.getDate(CREATED) == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Cursor(found.getString(EVENT_ID), found.getDate(CREATED).toInstant()));
    }

    /** Stores the cursor (after Kafka acknowledged everything up to it) and how the pass is going. */
    void store(SyncTarget target, Cursor cursor, String outcome, @Nullable String detail, long published, Instant now) {
        Document document = new Document("_id", target.key())
                .append("account", target.account())
                .append("livemode", target.livemode())
                .append(EVENT_ID, cursor.eventId())
                .append(CREATED, Date.from(cursor.created()))
                .append(LAST_PASS_AT, Date.from(now))
                .append(LAST_OUTCOME, outcome)
                .append(LAST_DETAIL, detail)
                .append(PUBLISHED, published);
        cursors.replaceOne(Filters.eq("_id", target.key()), document, new ReplaceOptions().upsert(true));
    }

    Optional<Document> status(SyncTarget target) {
        return Optional.ofNullable(cursors.find(Filters.eq("_id", target.key())).first());
    }
}
