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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox entries the consumer thread did not get to: the process died after the state write, or Kafka was
 * down. Only entries older than {@code minAge} are taken, so in normal operation the consumer's own relay wins and
 * nothing is published twice; when both do publish (several instances, slow relay), consumers de-duplicate by id.
 * No lock is needed for the same reason.
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
    }

    /** One pass over every collection; returns how many entries it published. */
    public int sweep() {
        Date cutoff = Date.from(clock.instant().minus(minAge));
        long backlog = 0;
        int published = 0;
        for (String collection : collections) {
            try {
                List<OutboxRelay.Pending> due = new ArrayList<>();
                for (Document document : database.getCollection(collection)
                        .find(Filters.exists(OUTBOX + "." + OUTBOX_ID))
                        .projection(Projections.include(OUTBOX))
                        .limit(batchSize)) {
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
            } catch (RuntimeException e) {
                // MongoDB or Kafka unavailable: the entries stay in the outbox for the next pass.
                log.warn("outbox sweep of {} failed, retrying next pass: {}", collection, e.toString());
            }
        }
        metrics.outboxBacklog(backlog);
        return published;
    }
}
