package io.paystream.support.outbox;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Publishes outbox entries the writer's own relay did not get to: the process died after the write, or Kafka was
 * down. Only entries older than {@code minAge} are taken, so in normal operation the writer's relay wins and nothing
 * is published twice; when both do publish (several instances, a slow relay), consumers de-duplicate by id. No lock
 * is needed for the same reason.
 *
 * <p>A pass reads every collection for documents with entries old enough. On the embedded MongoDB server as it was
 * (mongo-java-server ignores non-unique secondary indexes; test-support now adds them) that was a scan of every
 * document; run every second, it became the embedded server's largest cost as data grew and, through its garbage
 * collection, payment-worker's end-to-end tail. So passes run only while one is due: {@link #sweepNeeded} records that
 * entries written before some moment may have been left behind, and {@link #sweepIfNeeded} runs passes until one whose
 * cutoff ({@code now - minAge}) has reached that moment succeeds. Leftovers have exactly these causes, and each one
 * must ask for a pass: this process starting (a previous run may have died mid-relay; the constructor asks), another
 * instance's work moving here (payment-worker: partitions assigned), and a failed relay or pass
 * ({@link #relayOrSweepLater} and the pass itself ask). A pass is also asked for every {@code fullSweepInterval}
 * ({@link #schedule}), as a safety net for causes nobody reported (an instance that died with no partition to hand
 * over) and to refresh the backlog.
 *
 * <p>A pass reads at most {@code batchSize} documents per collection; a full batch may have more behind it, so the
 * pass does not count as complete and another follows. Each relayed document leaves the query's result, so passes
 * make progress however many documents are waiting.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final MongoDatabase database;
    private final List<OutboxCollection> collections;
    private final OutboxRelay relay;
    private final Consumer<OutboxBacklog> backlog;
    private final Clock clock;
    private final Duration minAge;
    private final int batchSize;
    /** Entries written before this may still be waiting and no pass has covered them yet; null when none are. */
    private final AtomicReference<@Nullable Instant> uncoveredBefore = new AtomicReference<>();
    /** Per collection, what the last pass that could read it left. */
    private final Map<String, OutboxBacklog> lastBacklog = new ConcurrentHashMap<>();

    /**
     * @param collections every collection whose documents may hold entries, with the topic of entries stored without
     *     one
     * @param backlog told after each pass what it left, e.g. an {@link OutboxBacklogGauge}
     * @param minAge entries younger than this belong to the writer's relay. Shorter than the relay's publish timeout,
     *     a pass may publish what a slow writer is still publishing: a duplicate that consumers drop by id, the price of
     *     publishing a crashed writer's entries sooner (the worker's 2 s against its 10 s timeout is that choice)
     * @param batchSize documents per collection and pass
     */
    public OutboxSweeper(
            MongoDatabase database,
            List<OutboxCollection> collections,
            OutboxRelay relay,
            Consumer<OutboxBacklog> backlog,
            Clock clock,
            Duration minAge,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.database = database;
        this.collections = List.copyOf(collections);
        this.relay = relay;
        this.backlog = backlog;
        this.clock = clock;
        this.minAge = minAge;
        this.batchSize = batchSize;
        sweepNeeded(); // a previous run of this process may have died between a write and its relay
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

    /**
     * Relays entries a write just added, as its writer does right after the write; when that fails the entries stay
     * and a pass is asked for, so the caller's answer need not depend on Kafka.
     *
     * @return whether every entry was published and pulled
     */
    public boolean relayOrSweepLater(List<PendingEntries> pending) {
        try {
            relay.relay(pending);
            return true;
        } catch (RuntimeException e) {
            sweepNeeded();
            log.warn("relaying outbox entries failed, the sweeper retries: {}", e.toString());
            return false;
        }
    }

    /**
     * The two tasks that drive this sweeper, for a service with {@code @EnableScheduling} to register as a bean: a
     * pass whenever one is due, looked for every {@code sweepInterval} (fixed delay), and a pass asked for every
     * {@code fullSweepInterval}.
     */
    public SchedulingConfigurer schedule(Duration sweepInterval, Duration fullSweepInterval) {
        return registrar -> {
            registrar.addFixedDelayTask(this::sweepIfNeeded, sweepInterval);
            registrar.addFixedRateTask(this::sweepNeeded, fullSweepInterval);
        };
    }

    /** @param complete every collection was read to its end and relayed without error */
    private record Pass(int published, boolean complete) {}

    private Pass sweep(Instant cutoff) {
        int published = 0;
        boolean complete = true;
        for (OutboxCollection collection : collections) {
            try {
                CollectionPass pass = sweep(collection, cutoff);
                published += pass.published();
                complete &= pass.complete();
            } catch (RuntimeException e) {
                // MongoDB or Kafka unavailable: the entries stay in the outbox for the next pass
                complete = false;
                log.warn("outbox sweep of {} failed, retrying next pass: {}", collection.name(), e.toString());
            }
        }
        backlog.accept(lastBacklog.values().stream().reduce(OutboxBacklog.NONE, OutboxBacklog::plus));
        return new Pass(published, complete);
    }

    private record CollectionPass(int published, boolean complete) {}

    private CollectionPass sweep(OutboxCollection collection, Instant cutoff) {
        List<PendingEntries> due = new ArrayList<>();
        long malformed = 0;
        long documentsWithMalformed = 0;
        int read = 0;
        for (Document document : database.getCollection(collection.name())
                .find(OutboxDocuments.writtenAtOrBefore(cutoff))
                .projection(Projections.include(OutboxDocuments.FIELD))
                .limit(batchSize)) {
            read++;
            Found found = read(collection, document, cutoff);
            if (!found.entries().isEmpty()) {
                due.add(new PendingEntries(collection.name(), found.documentId(), found.entries()));
            }
            malformed += found.malformed();
            documentsWithMalformed += found.malformed() > 0 ? 1 : 0;
        }
        long dueEntries = due.stream().mapToLong(p -> p.entries().size()).sum();
        // counted as left until the relay succeeds, so a failing Kafka shows in the backlog
        lastBacklog.put(
                collection.name(), new OutboxBacklog(due.size() + documentsWithMalformed, dueEntries + malformed));
        relay.relay(due);
        lastBacklog.put(collection.name(), new OutboxBacklog(documentsWithMalformed, malformed));
        return new CollectionPass((int) dueEntries, read < batchSize);
    }

    /** A document's entries written at or before the cutoff, and how many of its entries cannot be read. */
    private record Found(String documentId, List<OutboxEntry> entries, long malformed) {}

    private static Found read(OutboxCollection collection, Document document, Instant cutoff) {
        String documentId = String.valueOf(document.get("_id"));
        if (!(document.get("_id") instanceof String)) {
            log.warn("{}/{}: an outbox needs a string _id, left in place", collection.name(), documentId);
            return new Found(documentId, List.of(), 1);
        }
        List<OutboxEntry> entries = new ArrayList<>();
        long malformed = 0;
        List<?> outbox = document.get(OutboxDocuments.FIELD) instanceof List<?> list ? list : List.of();
        for (Object stored : outbox) {
            try {
                if (!(stored instanceof Document entryDocument)) {
                    throw new MalformedOutboxEntryException("an outbox entry of " + documentId + " is not a document");
                }
                OutboxEntry entry = OutboxDocuments.fromDocument(entryDocument, collection.defaultTopic(), documentId);
                if (!entry.at().isAfter(cutoff)) {
                    entries.add(entry);
                }
            } catch (MalformedOutboxEntryException e) {
                malformed++;
                log.warn("{}: {}; left in place, never published", collection.name(), e.getMessage());
            }
        }
        return new Found(documentId, entries, malformed);
    }
}
