package io.paystream.catalog.sync;

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
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.paystream.catalog.runs.RunDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Run documents in {@code catalog_sync_runs}: one per run and target, {@code _id = <runId>/<target key>}, so one run id
 * covers every target a request or a schedule tick started. The fields it shares with backfill runs are named in
 * {@link RunDocuments}.
 */
@Component
class SyncRuns implements InitializingBean {

    static final String COLLECTION = "catalog_sync_runs";

    private static final String ABANDONED = "abandoned: the instance running it stopped before it finished"
            + " (crash or shutdown); a later run took over the account";

    private final MongoCollection<Document> runs;

    SyncRuns(MongoDatabase database) {
        this.runs = database.getCollection(COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        RunDocuments.createIndexes(runs);
    }

    static String documentId(String runId, SyncTarget target) {
        return RunDocuments.id(runId, target.key());
    }

    void queued(String runId, SyncTarget target, Trigger trigger, Instant at) {
        runs.insertOne(base(runId, target, trigger)
                .append(STATUS, RunStatus.QUEUED.value())
                .append(REQUESTED_AT, date(at)));
    }

    void started(String runId, SyncTarget target, Trigger trigger, String instance, Instant at) {
        runs.updateOne(
                Filters.eq("_id", documentId(runId, target)),
                Updates.combine(
                        Updates.setOnInsert(REQUESTED_AT, date(at)),
                        Updates.set(RUN_ID, runId),
                        Updates.set(TARGET, target.key()),
                        Updates.set(ACCOUNT, target.account()),
                        Updates.set(LIVEMODE, target.livemode()),
                        Updates.set(TRIGGER, trigger.value()),
                        Updates.set(STATUS, RunStatus.RUNNING.value()),
                        Updates.set(INSTANCE, instance),
                        Updates.set(STARTED_AT, date(at)),
                        Updates.set(HEARTBEAT_AT, date(at)),
                        Updates.set(COUNTS, new RunCounts().toDocument())),
                new UpdateOptions().upsert(true));
    }

    void heartbeat(String runId, SyncTarget target, RunCounts counts, Instant at) {
        runs.updateOne(
                Filters.and(
                        Filters.eq("_id", documentId(runId, target)), Filters.eq(STATUS, RunStatus.RUNNING.value())),
                Updates.combine(Updates.set(HEARTBEAT_AT, date(at)), Updates.set(COUNTS, counts.toDocument())));
    }

    /** @param reason why it did not succeed; null when it did */
    void finished(
            String runId, SyncTarget target, RunStatus status, @Nullable String reason, RunCounts counts, Instant at) {
        runs.updateOne(
                Filters.eq("_id", documentId(runId, target)),
                Updates.combine(
                        Updates.set(STATUS, status.value()),
                        Updates.set(REASON, reason),
                        Updates.set(FINISHED_AT, date(at)),
                        Updates.set(HEARTBEAT_AT, date(at)),
                        Updates.set(COUNTS, counts.toDocument())));
    }

    /** A manual request's target that another instance was syncing: recorded so the caller sees why. */
    void skipped(String runId, SyncTarget target, String reason, Instant at) {
        runs.updateOne(
                Filters.eq("_id", documentId(runId, target)),
                Updates.combine(
                        Updates.set(STATUS, RunStatus.SKIPPED.value()),
                        Updates.set(REASON, reason),
                        Updates.set(FINISHED_AT, date(at))));
    }

    /**
     * Called while holding the target's lock: any other run of the target still marked running belongs to an instance
     * that lost the lock by dying, so it is marked failed.
     *
     * @return how many were abandoned
     */
    long markAbandoned(SyncTarget target, String exceptRunId, Instant at) {
        return runs.updateMany(
                        Filters.and(
                                Filters.eq(TARGET, target.key()),
                                Filters.eq(STATUS, RunStatus.RUNNING.value()),
                                Filters.ne("_id", documentId(exceptRunId, target))),
                        Updates.combine(
                                Updates.set(STATUS, RunStatus.FAILED.value()),
                                Updates.set(REASON, ABANDONED),
                                Updates.set(FINISHED_AT, date(at))))
                .getModifiedCount();
    }

    List<Document> ofRun(String runId) {
        return runs.find(Filters.eq(RUN_ID, runId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Per target key, the finish time of its latest successful run (any instance). */
    List<Document> lastSuccesses() {
        return runs.aggregate(List.of(
                        Aggregates.match(Filters.eq(STATUS, RunStatus.SUCCEEDED.value())),
                        Aggregates.group(
                                "$" + TARGET,
                                Accumulators.max(FINISHED_AT, "$" + FINISHED_AT),
                                Accumulators.first(ACCOUNT, "$" + ACCOUNT),
                                Accumulators.first(LIVEMODE, "$" + LIVEMODE))))
                .into(new ArrayList<>());
    }

    private static Document base(String runId, SyncTarget target, Trigger trigger) {
        return new Document("_id", documentId(runId, target))
                .append(RUN_ID, runId)
                .append(TARGET, target.key())
                .append(ACCOUNT, target.account())
                .append(LIVEMODE, target.livemode())
                .append(TRIGGER, trigger.value())
                .append(COUNTS, new RunCounts().toDocument());
    }

    private static Date date(Instant at) {
        return Date.from(at);
    }
}
