package io.paystream.worker.apply;

import static io.paystream.worker.apply.StoredFields.ID;
import static io.paystream.worker.apply.StoredFields.OUTBOX;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.paystream.events.EventSource;
import io.paystream.events.StripeEventMetadata;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Applies Stripe events to their aggregate documents, whatever their type: read, decide in Java, then one conditional
 * single-document write per aggregate that carries the new state, the dedupe record ({@code lastEvent*},
 * {@code recentEventIds}) and the outgoing domain events ({@code outbox}) together. MongoDB transactions are not used
 * (the embedded server has none): a concurrent writer is detected by the {@code version} filter (or the unique
 * {@code _id} on insert) and the decision is re-made on fresh state. {@code version} counts applied events.
 *
 * <p>Order rules, see {@link OrderKey}: a duplicate event id is not applied again; an event whose key is not greater
 * than the stored one is stale and not written; an applied event that leaves the state fields unchanged emits no domain
 * event.
 *
 * <p>What is decided without the store is {@link EventPreparation}'s; what is decided against it is {@link Fold}'s;
 * this class reads, writes, retries and counts.
 *
 * <p>{@link #applyAll} handles a polled batch with one read ({@code $in}) and one unordered bulk write per collection,
 * folding several events of one aggregate in memory; any conflict falls back to the one-event path, which is
 * idempotent, so events the bulk write already applied are then recognised as duplicates.
 */
public class StripeEventApplier {

    private final MongoDatabase database;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final int maxAttempts;
    private final EventPreparation preparation;
    private final Fold.Rules rules;

    public StripeEventApplier(
            MongoDatabase database,
            List<Projection> projections,
            WorkerMetrics metrics,
            Clock clock,
            int recentEventIds,
            int maxAttempts) {
        this(database, projections, metrics, clock, recentEventIds, maxAttempts, ObjectRefetcher.NONE);
    }

    public StripeEventApplier(
            MongoDatabase database,
            List<Projection> projections,
            WorkerMetrics metrics,
            Clock clock,
            int recentEventIds,
            int maxAttempts,
            ObjectRefetcher refetcher) {
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.preparation = new EventPreparation(projections);
        this.rules = new Fold.Rules(recentEventIds, refetcher, new OutboxEntries(clock));
    }

    /**
     * One record of a batch: its parsed headers (or null for a bare body), its {@code paystream-source} header (or null
     * for a bare body: a fetched object's value names its own source, anything else is then a webhook's event) and
     * its value.
     */
    public record Incoming(
            @Nullable StripeEventMetadata metadata,
            @Nullable EventSource source,
            byte @Nullable [] body) {

        /** A record without a source header: a webhook's event, or a fetched object whose value names its source. */
        public Incoming(@Nullable StripeEventMetadata metadata, byte @Nullable [] body) {
            this(metadata, null, body);
        }
    }

    /** {@link #apply(StripeEventMetadata, EventSource, byte[])} without a source header. */
    public ApplyResult apply(@Nullable StripeEventMetadata metadata, byte @Nullable [] body) {
        return apply(metadata, null, body);
    }

    /**
     * Applies one event or fetched object.
     *
     * @param metadata the record's headers, or {@code null} when applying a bare body
     * @param source the record's {@code paystream-source} header, see {@link Incoming}
     * @throws PoisonEventException when the event can never be applied
     */
    public ApplyResult apply(
            @Nullable StripeEventMetadata metadata, @Nullable EventSource source, byte @Nullable [] body) {
        long start = System.nanoTime();
        Prepared prepared = preparation.prepare(0, metadata, source, body);
        ApplyResult result = prepared instanceof Prepared.Applicable applicable
                ? applyOne(applicable)
                : ((Prepared.Ignored) prepared).result();
        return finish(prepared, result, System.nanoTime() - start, metadata);
    }

    /**
     * Applies a batch in record order (per aggregate; aggregates are independent).
     *
     * @return one result per record, in record order
     * @throws RecordFailedException naming the first record that failed; all records before it are applied
     */
    public List<ApplyResult> applyAll(List<Incoming> records) {
        long start = System.nanoTime();
        List<Prepared> prepared = new ArrayList<>(records.size());
        RecordFailedException failure = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                Incoming record = records.get(i);
                prepared.add(preparation.prepare(i, record.metadata(), record.source(), record.body()));
            } catch (RuntimeException e) {
                failure = new RecordFailedException(i, e);
                break;
            }
        }
        @Nullable ApplyResult[] results = new ApplyResult[prepared.size()];
        Map<String, List<Prepared.Applicable>> byCollection = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            if (p instanceof Prepared.Applicable applicable) {
                byCollection
                        .computeIfAbsent(applicable.projection().collection(), c -> new ArrayList<>())
                        .add(applicable);
            } else {
                results[p.index()] = ((Prepared.Ignored) p).result();
            }
        }
        for (List<Prepared.Applicable> group : byCollection.values()) {
            RecordFailedException groupFailure = applyGroup(group, results);
            if (groupFailure != null && (failure == null || groupFailure.index() < failure.index())) {
                failure = groupFailure;
            }
        }
        long perRecord = prepared.isEmpty() ? 0 : (System.nanoTime() - start) / prepared.size();
        for (Prepared p : prepared) {
            ApplyResult result = results[p.index()];
            if (result != null && (failure == null || p.index() < failure.index())) {
                finish(p, result, perRecord, records.get(p.index()).metadata());
            }
        }
        if (failure != null) {
            throw failure.withWritten(
                    Arrays.stream(results).filter(Objects::nonNull).toList());
        }
        return Arrays.asList(results);
    }

    private ApplyResult finish(
            Prepared prepared, ApplyResult result, long nanos, @Nullable StripeEventMetadata metadata) {
        metrics.event(
                result.eventType(), result.outcome().tag(), prepared.source().headerValue());
        if (prepared instanceof Prepared.Applicable applicable) {
            metrics.processing(nanos);
            if (result.outcome() == ApplyOutcome.APPLIED && prepared.source() == EventSource.RECONCILIATION) {
                // The first application of a reconciled event: the webhooks missed it (or have not delivered it yet).
                metrics.recovered(result.eventType());
            }
            // Freshness and pipeline latency measure the webhook path; a backfill's year-old objects would swamp them.
            if (result.outcome() == ApplyOutcome.APPLIED && prepared.source() == EventSource.WEBHOOK) {
                Instant now = clock.instant();
                metrics.freshness(Duration.between(applicable.event().createdAt(), now));
                if (metadata != null) {
                    metrics.pipelineLatency(Duration.between(metadata.receivedAt(), now));
                }
            }
        }
        return result;
    }

    /** One collection's events of a batch: one read, folds in memory, one bulk write; else one by one. */
    private @Nullable RecordFailedException applyGroup(
            List<Prepared.Applicable> group, @Nullable ApplyResult[] results) {
        Projection projection = group.get(0).projection();
        MongoCollection<Document> collection = database.getCollection(projection.collection());
        try {
            Set<String> ids = new LinkedHashSet<>();
            group.forEach(p -> ids.add(p.aggregateId()));
            Map<String, Document> current = new HashMap<>();
            for (Document document : collection.find(Filters.in(ID, ids)).projection(Projections.exclude(OUTBOX))) {
                current.put(document.getString(ID), document);
            }
            Map<String, Fold> folds = new LinkedHashMap<>();
            Map<Integer, ApplyResult> provisional = new HashMap<>();
            for (Prepared.Applicable p : group) {
                Fold fold =
                        folds.computeIfAbsent(p.aggregateId(), id -> new Fold(projection, id, current.get(id), rules));
                provisional.put(p.index(), fold.offer(p));
            }
            Date now = Date.from(clock.instant());
            List<WriteModel<Document>> writes = new ArrayList<>();
            int inserts = 0;
            for (Fold fold : folds.values()) {
                if (fold.dirty()) {
                    writes.add(fold.writeModel(now));
                    inserts += fold.creates() ? 1 : 0;
                }
            }
            if (!writes.isEmpty()) {
                BulkWriteResult written = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                if (written.getInsertedCount() != inserts || written.getMatchedCount() != writes.size() - inserts) {
                    throw new ConcurrentAggregateUpdateException("concurrent writer in " + projection.collection());
                }
            }
            provisional.forEach((index, result) -> results[index] = result);
            return null;
        } catch (ConcurrentAggregateUpdateException | PoisonEventException | MongoBulkWriteException e) {
            return applyOneByOne(group, results);
        } catch (RuntimeException e) {
            return new RecordFailedException(group.get(0).index(), e);
        }
    }

    private @Nullable RecordFailedException applyOneByOne(
            List<Prepared.Applicable> group, @Nullable ApplyResult[] results) {
        for (Prepared.Applicable p : group) {
            try {
                results[p.index()] = applyOne(p);
            } catch (RuntimeException e) {
                return new RecordFailedException(p.index(), e);
            }
        }
        return null;
    }

    /** Read, fold, conditional write; on a concurrent writer, again on fresh state, at most {@code maxAttempts}. */
    private ApplyResult applyOne(Prepared.Applicable prepared) {
        MongoCollection<Document> collection =
                database.getCollection(prepared.projection().collection());
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Document current = collection
                    .find(Filters.eq(ID, prepared.aggregateId()))
                    .projection(Projections.exclude(OUTBOX))
                    .first();
            Fold fold = new Fold(prepared.projection(), prepared.aggregateId(), current, rules);
            ApplyResult result = fold.offer(prepared);
            if (!fold.dirty() || write(collection, fold.writeModel(Date.from(clock.instant())))) {
                return result;
            }
        }
        throw new ConcurrentAggregateUpdateException("aggregate " + prepared.aggregateId() + " changed concurrently "
                + maxAttempts + " times while applying " + prepared.event().id());
    }

    private static boolean write(MongoCollection<Document> collection, WriteModel<Document> model) {
        if (model instanceof InsertOneModel<Document> insert) {
            try {
                collection.insertOne(insert.getDocument());
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false; // another writer created it first: decide again against its state
                }
                throw e;
            }
        }
        UpdateOneModel<Document> update = (UpdateOneModel<Document>) model;
        return collection.updateOne(update.getFilter(), update.getUpdate()).getMatchedCount() == 1;
    }
}
