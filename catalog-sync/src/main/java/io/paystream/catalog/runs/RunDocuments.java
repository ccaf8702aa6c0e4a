package io.paystream.catalog.runs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The shape every run document has, in {@code catalog_sync_runs} and {@code catalog_backfill_runs} alike (one document
 * per run and target): its id, field names and indexes, and how its times and counts are read back. One place so the
 * two collections keep the same shape; each collection's own fields stay with its writer.
 */
public final class RunDocuments {

    public static final String RUN_ID = "runId";
    public static final String TARGET = "target";
    public static final String ACCOUNT = "account";
    public static final String LIVEMODE = "livemode";
    public static final String TRIGGER = "trigger";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String INSTANCE = "instance";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String HEARTBEAT_AT = "heartbeatAt";
    public static final String FINISHED_AT = "finishedAt";
    public static final String COUNTS = "counts";

    private RunDocuments() {}

    /** {@code <runId>/<target key>}: one run id covers every target a request or a schedule tick started. */
    public static String id(String runId, String targetKey) {
        return runId + '/' + targetKey;
    }

    /** A run's documents are read by run id; a target's running ones by target and status, to mark them abandoned. */
    public static void createIndexes(MongoCollection<Document> runs) {
        runs.createIndex(Indexes.ascending(RUN_ID));
        runs.createIndex(Indexes.ascending(TARGET, STATUS));
    }

    /** A time as stored (a BSON date); null when the field is absent, e.g. the finish of a run still going. */
    public static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** A count as stored (int or long, as the writer had it); 0 when the field is absent. */
    public static long count(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
