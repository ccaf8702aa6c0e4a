package io.paystream.worker.outbox;

import static io.paystream.worker.apply.StoredFields.ID;
import static io.paystream.worker.apply.StoredFields.OUTBOX;
import static io.paystream.worker.apply.StoredFields.OUTBOX_AT;
import static io.paystream.worker.apply.StoredFields.OUTBOX_ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox entries the consumer thread did not get to: the process died after the state write, or Kafka was
 * down. Only entries older than {@code minAge} are taken, so in normal operation the consumer's own relay wins and
 * nothing is published twice; when both do publish (several instances, slow relay), consumers de-duplicate by id.
 * No lock is needed for the same reason.
 *
 * <p>A pass reads every collection for documents with outbox entries. On the embedded MongoDB server, which ignores
 * non-unique secondary indexes, that is a scan of every document; run every second, it became the embedded server's
 * largest cost as data grew and, through its garbage collection, the worker's end-to-end tail. So passes run only while
 * one is due: {@link #sweepNeeded} records that entries written before some moment may have been left behind, and
 * {@link #sweepIfNeeded} runs passes until one whose cutoff ({@code now - minAge}) has reached that moment succeeds.
 * Leftovers have exactly these causes, and each one asks for a pass: this process starting (a previous run may have
 * died mid-relay), partitions being assigned (their last owner may have died), and a failed relay or pass. A pass is
 * also asked for every {@code fullSweepInterval}, as a safety net for causes nobody reported and to refresh the backlog
 * gauge.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final MongoDatabase database;
    private final List<String> collections;
    private final OutboxRelay relay;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Duration minAge;
    private final int batchSize;
    /** Entries written before this may still be waiting and no pass has covered them yet; null when none are. */
    private final AtomicReference<@Nullable Instant> uncoveredBefore = new AtomicReference<>();

    public OutboxSweeper(
            MongoDatabase database,
            List<String> collections,
            OutboxRelay relay,
            WorkerMetrics metrics,
            Clock clock,
            Duration minAge,
            int batchSize) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
        this.minAge = minAge;
        this.batchSize = batchSize;
        sweepNeeded(); // a previous run of this process may have died between a state write and its relay
    }

    /** Entries written until now may have been left behind: run passes until one covers them. */
    public void sweepNeeded() {
        Instant now = clock.instant();
        uncoveredBefore.accumulateAndGet(now, (due, asked) -> due == null || due.isBefore(asked) ? asked : due);
    }

    /** Whether a pass is due. */
    public boolean isSweepDue() {
        return uncoveredBefore.get() != null;
    }

    /** Runs a pass if one is due; returns how many entries it published. */
    public int sweepIfNeeded() {
        Instant due = uncoveredBefore.get();
        if (due == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(minAge);
        Pass pass = sweep(cutoff);
        if (!pass.complete()) {
            sweepNeeded();
        } else if (!cutoff.isBefore(due)) {
            uncoveredBefore.compareAndSet(due, null); // unless a new request came in meanwhile
        }
        return pass.published();
    }

    /** @param complete every collection was read to its end and relayed without error */
    private record Pass(int published, boolean complete) {}

    private Pass sweep(Instant cutoffInstant) {
        Date cutoff = Date.from(cutoffInstant);
        long backlog = 0;
        int published = 0;
        boolean complete = true;
        for (String collection : collections) {
            try {
                List<OutboxRelay.Pending> due = new ArrayList<>();
                int read = 0;
                for (Document document : database.getCollection(collection)
                        .find(Filters.exists(OUTBOX + "." + OUTBOX_ID))
                        .projection(Projections.include(OUTBOX))
                        .limit(batchSize)) {
                    read++;
                    List<Document> entries = document.getList(OUTBOX, Document.class, List.of());
                    backlog += entries.size();
                    List<Document> old = entries.stream()
                            .filter(entry -> !entry.getDate(OUTBOX_AT).after(cutoff))
                            .toList();
                    if (!old.isEmpty()) {
                        due.add(new OutboxRelay.Pending(collection, document.getString(ID), old));
                    }
                }
                relay.relay(due);
                published += due.stream().mapToInt(p -> p.entries().size()).sum();
                // a full batch may have more documents behind it: another pass takes them
                complete &= read < batchSize;
            } catch (RuntimeException e) {
                // MongoDB or Kafka unavailable: the entries stay in the outbox for the next pass.
                complete = false;
                log.warn("outbox sweep of {} failed, retrying next pass: {}", collection, e.toString());
            }
        }
        metrics.outboxBacklog(backlog);
        return new Pass(published, complete);
    }
}
