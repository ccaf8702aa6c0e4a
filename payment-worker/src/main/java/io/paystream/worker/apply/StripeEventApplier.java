package io.paystream.worker.apply;

import static io.paystream.worker.apply.StoredFields.*;

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
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.domain.DomainEvent;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

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
 * <p>{@link #applyAll} handles a polled batch with one read ({@code $in}) and one unordered bulk write per collection,
 * folding several events of one aggregate in memory; any conflict falls back to the one-event path, which is
 * idempotent, so events the bulk write already applied are then recognised as duplicates.
 */
public class StripeEventApplier {

    private final MongoDatabase database;
    private final Map<String, Projection> projections;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final int recentEventIds;
    private final int maxAttempts;
    private final ObjectRefetcher refetcher;
    private final StripeEventParser parser = new StripeEventParser();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Appended to the stored event id when a refetched state replaces a tie the incoming event would lose by id: the
     * key must grow for the write to count as newer, and a suffix sorts after the id it extends.
     */
    private static final String REFETCHED_SUFFIX = "+refetched";

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
        this.refetcher = refetcher;
        this.database = database;
        this.projections =
                projections.stream().collect(Collectors.toUnmodifiableMap(Projection::objectType, Function.identity()));
        this.metrics = metrics;
        this.clock = clock;
        this.recentEventIds = recentEventIds;
        this.maxAttempts = maxAttempts;
    }

    /** One record of a batch: its parsed headers (or null for a bare body) and its value. */
    public record Incoming(StripeEventMetadata metadata, byte[] body) {}

    /**
     * Record {@link #index()} of a batch failed; every record before it has been applied. {@link #written()} holds the
     * results of every record whose write went through, those before the failed one and any after it in another
     * collection: their outbox entries are stored and wait to be relayed, and a redelivery would find them duplicates.
     */
    public static class RecordFailedException extends RuntimeException {

        private final int index;
        private final List<ApplyResult> written;

        RecordFailedException(int index, RuntimeException cause) {
            this(index, cause, List.of());
        }

        private RecordFailedException(int index, Throwable cause, List<ApplyResult> written) {
            super(cause.getMessage(), cause);
            this.index = index;
            this.written = List.copyOf(written);
        }

        public int index() {
            return index;
        }

        public List<ApplyResult> written() {
            return written;
        }

        RecordFailedException withWritten(List<ApplyResult> written) {
            return new RecordFailedException(index, getCause(), written);
        }
    }

    /**
     * Applies one event.
     *
     * @param metadata the record's headers, or {@code null} when applying a bare body
     * @throws PoisonEventException when the event can never be applied
     */
    public ApplyResult apply(StripeEventMetadata metadata, byte[] body) {
        long start = System.nanoTime();
        Prepared prepared = prepare(0, metadata, body);
        ApplyResult result = prepared.projection() == null ? prepared.ignored() : applyOne(prepared);
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
                prepared.add(
                        prepare(i, records.get(i).metadata(), records.get(i).body()));
            } catch (RuntimeException e) {
                failure = new RecordFailedException(i, e);
                break;
            }
        }
        ApplyResult[] results = new ApplyResult[prepared.size()];
        Map<String, List<Prepared>> byCollection = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            if (p.projection() == null) {
                results[p.index()] = p.ignored();
            } else {
                byCollection
                        .computeIfAbsent(p.projection().collection(), c -> new ArrayList<>())
                        .add(p);
            }
        }
        for (List<Prepared> group : byCollection.values()) {
            RecordFailedException groupFailure = applyGroup(group, results);
            if (groupFailure != null && (failure == null || groupFailure.index() < failure.index())) {
                failure = groupFailure;
            }
        }
        long perRecord = prepared.isEmpty() ? 0 : (System.nanoTime() - start) / prepared.size();
        for (Prepared p : prepared) {
            if (results[p.index()] != null && (failure == null || p.index() < failure.index())) {
                finish(p, results[p.index()], perRecord, records.get(p.index()).metadata());
            }
        }
        if (failure != null) {
            throw failure.withWritten(
                    Arrays.stream(results).filter(Objects::nonNull).toList());
        }
        return Arrays.asList(results);
    }

    private ApplyResult finish(Prepared prepared, ApplyResult result, long nanos, StripeEventMetadata metadata) {
        metrics.event(result.eventType(), result.outcome().tag());
        if (prepared.projection() != null) {
            metrics.processing(nanos);
        }
        if (result.outcome() == ApplyOutcome.APPLIED) {
            Instant now = clock.instant();
            metrics.freshness(Duration.between(prepared.event().createdAt(), now));
            if (metadata != null) {
                metrics.pipelineLatency(Duration.between(metadata.receivedAt(), now));
            }
        }
        return result;
    }

    /** One collection's events of a batch: one read, folds in memory, one bulk write; else one by one. */
    private RecordFailedException applyGroup(List<Prepared> group, ApplyResult[] results) {
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
            ApplyResult[] provisional = new ApplyResult[results.length];
            for (Prepared p : group) {
                Fold fold = folds.computeIfAbsent(p.aggregateId(), id -> new Fold(projection, id, current.get(id)));
                provisional[p.index()] = fold.offer(p);
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            int inserts = 0;
            for (Fold fold : folds.values()) {
                if (fold.dirty()) {
                    writes.add(fold.writeModel());
                    inserts += fold.original == null ? 1 : 0;
                }
            }
            if (!writes.isEmpty()) {
                BulkWriteResult written = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                if (written.getInsertedCount() != inserts || written.getMatchedCount() != writes.size() - inserts) {
                    throw new ConcurrentAggregateUpdateException("concurrent writer in " + projection.collection());
                }
            }
            group.forEach(p -> results[p.index()] = provisional[p.index()]);
            return null;
        } catch (ConcurrentAggregateUpdateException | PoisonEventException | MongoBulkWriteException e) {
            return applyOneByOne(group, results);
        } catch (RuntimeException e) {
            return new RecordFailedException(group.get(0).index(), e);
        }
    }

    private RecordFailedException applyOneByOne(List<Prepared> group, ApplyResult[] results) {
        for (Prepared p : group) {
            try {
                results[p.index()] = applyOne(p);
            } catch (RuntimeException e) {
                return new RecordFailedException(p.index(), e);
            }
        }
        return null;
    }

    private ApplyResult applyOne(Prepared prepared) {
        MongoCollection<Document> collection =
                database.getCollection(prepared.projection().collection());
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Document current = collection
                    .find(Filters.eq(ID, prepared.aggregateId()))
                    .projection(Projections.exclude(OUTBOX))
                    .first();
            Fold fold = new Fold(prepared.projection(), prepared.aggregateId(), current);
            ApplyResult result = fold.offer(prepared);
            if (!fold.dirty() || write(collection, fold)) {
                return result;
            }
        }
        throw new ConcurrentAggregateUpdateException("aggregate " + prepared.aggregateId() + " changed concurrently "
                + maxAttempts + " times while applying " + prepared.event().id());
    }

    private static boolean write(MongoCollection<Document> collection, Fold fold) {
        WriteModel<Document> model = fold.writeModel();
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

    /** A parsed event with everything decided without reading the store. */
    private record Prepared(
            int index,
            StripeEvent event,
            String ignoredType,
            Projection projection,
            String aggregateId,
            Document state,
            OrderKey key) {

        ApplyResult ignored() {
            return ApplyResult.of(ApplyOutcome.IGNORED, ignoredType);
        }
    }

    private Prepared prepare(int index, StripeEventMetadata metadata, byte[] body) {
        StripeEvent event = parser.parse(body);
        if (event == null) {
            // Thin events carry no snapshot; without refetch mode there is nothing to apply.
            String type = metadata == null ? "v2.core.event" : metadata.type();
            return new Prepared(index, null, type, null, null, null, null);
        }
        if (metadata != null) {
            checkHeadersMatch(metadata, event);
            event = withEndpointAccount(metadata, event);
        }
        Projection projection = projections.get(event.objectType());
        if (projection == null) {
            return new Prepared(index, event, event.type(), null, null, null, null);
        }
        return prepared(index, event, projection, projection.state(event), event.id());
    }

    /**
     * An event whose body names no account but whose record does: it arrived on the webhook endpoint of an account
     * connected by its own API keys, and webhook-ingest put that endpoint's account in the header. The body says
     * nothing because, from that account's point of view, the event is its own.
     */
    private static StripeEvent withEndpointAccount(StripeEventMetadata metadata, StripeEvent event) {
        if (!StripeEvent.PLATFORM.equals(event.account()) || metadata.account() == null) {
            return event;
        }
        return new StripeEvent(
                event.id(),
                event.type(),
                event.created(),
                event.livemode(),
                metadata.account(),
                event.objectType(),
                event.objectId(),
                event.object());
    }

    private static Prepared prepared(
            int index, StripeEvent event, Projection projection, Document state, String orderEventId) {
        if (event.isDeletion()) {
            // Deletion payloads may be stubs: keep what is stored instead of nulling it.
            state.values().removeIf(Objects::isNull);
            state.put(DELETED, true);
            state.put(DELETED_AT, Date.from(event.createdAt()));
        }
        boolean terminal = event.isDeletion() || projection.terminal(state);
        OrderKey key = new OrderKey(terminal, event.created(), projection.precedence(state), orderEventId);
        return new Prepared(index, event, event.type(), projection, projection.aggregateId(event), state, key);
    }

    /**
     * In refetch mode, an event that ties with the stored state on everything but its id is replaced by the object
     * Stripe holds now. That state is at least as new as both tied events, so it is applied whichever id is greater,
     * and it keeps the greater id: later events of that second with a smaller id are stale, a greater one ties again
     * and is refetched again.
     */
    private Prepared settleTie(Prepared p, OrderKey stored) {
        if (!p.key().tiesWith(stored) || p.event().isDeletion()) {
            return p;
        }
        return refetcher
                .current(p.event())
                .map(object -> {
                    StripeEvent fetched = new StripeEvent(
                            p.event().id(),
                            p.event().type(),
                            p.event().created(),
                            p.event().livemode(),
                            p.event().account(),
                            p.event().objectType(),
                            p.event().objectId(),
                            object);
                    String winner = p.event().id().compareTo(stored.eventId()) > 0
                            ? p.event().id()
                            : stored.eventId() + REFETCHED_SUFFIX;
                    return prepared(
                            p.index(), fetched, p.projection(), p.projection().state(fetched), winner);
                })
                .orElse(p);
    }

    /** One aggregate's stored document with the batch's events for it applied in memory. */
    private final class Fold {

        final Projection projection;
        final String id;
        final Document original;
        Document working;
        final List<String> recent;
        final List<Document> outbox = new ArrayList<>();
        final Set<String> touched = new LinkedHashSet<>();
        int applied;

        Fold(Projection projection, String id, Document original) {
            this.projection = projection;
            this.id = id;
            this.original = original;
            this.working = original == null ? null : new Document(original);
            this.recent = original == null
                    ? new ArrayList<>()
                    : new ArrayList<>(original.getList(RECENT_EVENT_IDS, String.class, List.of()));
        }

        boolean dirty() {
            return applied > 0;
        }

        ApplyResult offer(Prepared p) {
            StripeEvent event = p.event();
            if (working != null) {
                checkSameAggregate(working, event, id);
                if (recent.contains(event.id())) {
                    return ApplyResult.of(ApplyOutcome.DUPLICATE, event.type());
                }
                OrderKey stored = OrderKey.stored(working);
                p = settleTie(p, stored);
                if (p.key().compareTo(stored) <= 0) {
                    return ApplyResult.of(ApplyOutcome.STALE, event.type());
                }
            }
            List<Document> entries = unchanged(working, p.state())
                    ? List.of()
                    : outboxEntries(projection.changes(working, new Document(p.state()).append(ID, id)), event, id);
            if (working == null) {
                working = new Document(ID, id)
                        .append(ACCOUNT, event.account())
                        .append(LIVEMODE, event.livemode())
                        .append(DELETED, false)
                        .append(DELETED_AT, null);
            }
            working.putAll(p.state());
            working.putAll(lastEvent(event, p.key()));
            touched.addAll(p.state().keySet());
            recent.add(event.id());
            if (recent.size() > recentEventIds) {
                recent.subList(0, recent.size() - recentEventIds).clear();
            }
            outbox.addAll(entries);
            applied++;
            return new ApplyResult(ApplyOutcome.APPLIED, event.type(), projection.collection(), id, entries);
        }

        WriteModel<Document> writeModel() {
            Date now = Date.from(clock.instant());
            if (original == null) {
                Document document = new Document(working)
                        .append(CREATED_AT, now)
                        .append(UPDATED_AT, now)
                        .append(VERSION, (long) applied)
                        .append(RECENT_EVENT_IDS, recent)
                        .append(OUTBOX, outbox);
                return new InsertOneModel<>(document);
            }
            long version = Fields.longOr(original, VERSION, 0);
            Document set = new Document();
            touched.forEach(field -> set.put(field, working.get(field)));
            for (String field : List.of(LAST_EVENT_ID, LAST_EVENT_CREATED, LAST_EVENT_TYPE, PRECEDENCE, TERMINAL)) {
                set.put(field, working.get(field));
            }
            set.append(UPDATED_AT, now).append(VERSION, version + applied).append(RECENT_EVENT_IDS, recent);
            Document update = new Document("$set", set);
            if (!outbox.isEmpty()) {
                update.append("$push", new Document(OUTBOX, new Document("$each", outbox)));
            }
            Bson filter = Filters.and(
                    Filters.eq(ID, id),
                    Filters.eq(LIVEMODE, original.getBoolean(LIVEMODE)),
                    Filters.eq(VERSION, version));
            return new UpdateOneModel<>(filter, update);
        }
    }

    private static Document lastEvent(StripeEvent event, OrderKey key) {
        return new Document(LAST_EVENT_ID, key.eventId())
                .append(LAST_EVENT_CREATED, Date.from(event.createdAt()))
                .append(LAST_EVENT_TYPE, event.type())
                .append(PRECEDENCE, key.precedence())
                .append(TERMINAL, key.terminal());
    }

    private static boolean unchanged(Document current, Document state) {
        if (current == null) {
            return false;
        }
        for (Map.Entry<String, Object> field : state.entrySet()) {
            if (!Objects.equals(current.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private List<Document> outboxEntries(List<DomainChange> changes, StripeEvent event, String aggregateId) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> entries = new ArrayList<>(changes.size());
        for (DomainChange change : changes) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("objectId", aggregateId);
            data.put("objectType", event.objectType());
            data.put("account", event.account());
            data.put("livemode", event.livemode());
            data.put("stripeEventId", event.id());
            data.putAll(change.data());
            DomainEvent domainEvent =
                    DomainEvent.of(event.id(), event.account(), change.type(), aggregateId, event.createdAt(), data);
            entries.add(new Document(OUTBOX_ID, domainEvent.id())
                    .append(OUTBOX_TYPE, domainEvent.type())
                    .append(OUTBOX_AT, now)
                    .append(OUTBOX_EVENT, json.writeValueAsString(domainEvent)));
        }
        return entries;
    }

    private static void checkSameAggregate(Document current, StripeEvent event, String id) {
        if (!Objects.equals(current.getBoolean(LIVEMODE), event.livemode())) {
            throw new PoisonEventException("event " + event.id() + " has livemode " + event.livemode()
                    + " but stored object " + id + " has the other mode");
        }
        if (!Objects.equals(current.getString(ACCOUNT), event.account())) {
            throw new PoisonEventException(
                    "event " + event.id() + " belongs to another account than stored object " + id);
        }
    }

    private static void checkHeadersMatch(StripeEventMetadata metadata, StripeEvent event) {
        if (!metadata.eventId().value().equals(event.id())) {
            throw new PoisonEventException("header event id differs from body event id " + event.id());
        }
        if (metadata.livemode() != event.livemode()) {
            throw new PoisonEventException("header livemode differs from body livemode in event " + event.id());
        }
    }
}
