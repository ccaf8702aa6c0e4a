package io.paystream.catalog.backfill;

import static io.paystream.catalog.runs.RunDocuments.ACCOUNT;
import static io.paystream.catalog.runs.RunDocuments.COUNTS;
import static io.paystream.catalog.runs.RunDocuments.FINISHED_AT;
import static io.paystream.catalog.runs.RunDocuments.HEARTBEAT_AT;
import static io.paystream.catalog.runs.RunDocuments.INSTANCE;
import static io.paystream.catalog.runs.RunDocuments.LIVEMODE;
import static io.paystream.catalog.runs.RunDocuments.REASON;
import static io.paystream.catalog.runs.RunDocuments.REQUESTED_AT;
import static io.paystream.catalog.runs.RunDocuments.RUN_ID;
import static io.paystream.catalog.runs.RunDocuments.STARTED_AT;
import static io.paystream.catalog.runs.RunDocuments.STATUS;
import static io.paystream.catalog.runs.RunDocuments.TARGET;
import static io.paystream.catalog.runs.RunDocuments.TRIGGER;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.paystream.catalog.runs.RunDocuments;
import io.paystream.catalog.sync.SyncTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Backfill run documents in {@value #COLLECTION}: one per run and target, {@code _id = <runId>/<target key>}, with each
 * type's status, cursor and counts under {@code types.<type>}. A page's cursor is written here after the page was
 * handed on: this document is what the next run of a target continues from when this one is abandoned. The fields it
 * shares with sync runs are named in {@link RunDocuments}.
 */
@Component
class BackfillRuns implements InitializingBean {

    static final String COLLECTION = "catalog_backfill_runs";
    static final String RESUMED_FROM = "resumedFrom";
    static final String TYPES = "types";

    private static final String ABANDONED = "abandoned: the instance running it stopped before it finished"
            + " (crash, kill or lost lock); a later run of the account continued from its cursors";

    private final MongoCollection<Document> runs;

    BackfillRuns(MongoDatabase database) {
        this.runs = database.getCollection(COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        RunDocuments.createIndexes(runs);
    }

    static String documentId(String runId, SyncTarget target) {
        return RunDocuments.id(runId, target.key());
    }

    void queued(String runId, SyncTarget target, BackfillTrigger trigger, List<BackfillType> types, Instant at) {
        Document typeStates = new Document();
        types.forEach(type -> typeStates.append(type.value(), new TypeProgress(type).toDocument()));
        runs.insertOne(new Document("_id", documentId(runId, target))
                .append(RUN_ID, runId)
                .append(TARGET, target.key())
                .append(ACCOUNT, target.account())
                .append(LIVEMODE, target.livemode())
                .append(TRIGGER, trigger.value())
                .append(STATUS, BackfillStatus.QUEUED.value())
                .append(REQUESTED_AT, Date.from(at))
                .append(TYPES, typeStates)
                .append(COUNTS, new Document()));
    }

    void started(
            String runId,
            SyncTarget target,
            BackfillTrigger trigger,
            String instance,
            @Nullable String resumedFrom,
            BackfillProgress progress) {
        Date at = Date.from(progress.startedAt());
        runs.updateOne(
                Filters.eq("_id", documentId(runId, target)),
                Updates.combine(
                        Updates.setOnInsert(REQUESTED_AT, at),
                        Updates.set(RUN_ID, runId),
                        Updates.set(TARGET, target.key()),
                        Updates.set(ACCOUNT, target.account()),
                        Updates.set(LIVEMODE, target.livemode()),
                        Updates.set(TRIGGER, trigger.value()),
                        Updates.set(STATUS, BackfillStatus.RUNNING.value()),
                        Updates.set(INSTANCE, instance),
                        Updates.set(RESUMED_FROM, resumedFrom),
                        Updates.set(STARTED_AT, at),
                        Updates.set(HEARTBEAT_AT, at),
                        Updates.set(TYPES, progress.typesDocument()),
                        Updates.set(COUNTS, progress.countsDocument())),
                new UpdateOptions().upsert(true));
    }

    /** The type's cursor and counts after a page was handed on: what a successor continues from. */
    void pageHandled(String runId, SyncTarget target, TypeProgress type) {
        typeChanged(runId, target, type);
    }

    void typeChanged(String runId, SyncTarget target, TypeProgress type) {
        runs.updateOne(
                Filters.eq("_id", documentId(runId, target)),
                Updates.set(TYPES + '.' + type.type.value(), type.toDocument()));
    }

    void heartbeat(String runId, SyncTarget target, BackfillProgress progress) {
        runs.updateOne(
                Filters.and(
                        Filters.eq("_id", documentId(runId, target)),
                        Filters.eq(STATUS, BackfillStatus.RUNNING.value())),
                Updates.combine(
                        Updates.set(HEARTBEAT_AT, Date.from(progress.now())),
                        Updates.set(COUNTS, progress.countsDocument())));
    }

    /** @param progress null for a run that never started */
    void finished(
            String runId,
            SyncTarget target,
            BackfillStatus status,
            @Nullable String reason,
            @Nullable BackfillProgress progress,
            Instant at) {
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(
                Updates.set(STATUS, status.value()),
                Updates.set(REASON, reason),
                Updates.set(FINISHED_AT, Date.from(at)),
                Updates.set(HEARTBEAT_AT, Date.from(at))));
        if (progress != null) {
            updates.add(Updates.set(TYPES, progress.typesDocument()));
            updates.add(Updates.set(COUNTS, progress.countsDocument()));
        }
        runs.updateOne(Filters.eq("_id", documentId(runId, target)), Updates.combine(updates));
    }

    /**
     * Called holding the target's backfill lock: any other run of the target still marked running belongs to an
     * instance that lost the lock by dying. They are marked abandoned.
     *
     * @return those runs as they were stored, newest start first: the first is the one to continue
     */
    List<Document> abandon(SyncTarget target, String exceptRunId, Instant at) {
        var dead = Filters.and(
                Filters.eq(TARGET, target.key()),
                Filters.eq(STATUS, BackfillStatus.RUNNING.value()),
                Filters.ne("_id", documentId(exceptRunId, target)));
        List<Document> found =
                runs.find(dead).sort(Sorts.descending(STARTED_AT)).into(new ArrayList<>());
        for (Document run : found) {
            runs.updateOne(
                    Filters.and(Filters.eq("_id", run.get("_id")), Filters.eq(STATUS, BackfillStatus.RUNNING.value())),
                    Updates.combine(
                            Updates.set(STATUS, BackfillStatus.ABANDONED.value()),
                            Updates.set(REASON, ABANDONED),
                            Updates.set(FINISHED_AT, Date.from(at))));
        }
        return found;
    }

    List<Document> ofRun(String runId) {
        return runs.find(Filters.eq(RUN_ID, runId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
