package io.paystream.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEvents;
import io.paystream.support.outbox.OutboxDocuments;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.worker.apply.ApplyOutcome;
import io.paystream.worker.apply.ObjectRefetcher;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEventApplier;
import io.paystream.worker.config.WorkerProjections;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.Document;

/** The apply engine on its own database of a shared embedded Mongo server, plus views of what it stored. */
public final class EngineRun implements AutoCloseable {

    /** Fields that legitimately differ between delivery orders (timestamps, counters, the dedupe window's order). */
    public static final Set<String> VOLATILE = Set.of(
            StoredFields.CREATED_AT,
            StoredFields.UPDATED_AT,
            StoredFields.VERSION,
            StoredFields.RECENT_EVENT_IDS,
            StoredFields.OUTBOX);

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedMongoServer server;
    private static MongoClient client;

    public final MongoDatabase database;
    public final StripeEventApplier applier;
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public EngineRun() {
        this(ObjectRefetcher.NONE);
    }

    /** An engine in refetch mode, settling same-second ties with {@code refetcher}. */
    public EngineRun(ObjectRefetcher refetcher) {
        this.database = client().getDatabase("engine" + DATABASES.incrementAndGet());
        this.applier = new StripeEventApplier(
                database, WorkerProjections.all(), new WorkerMetrics(registry), Clock.systemUTC(), 64, 16, refetcher);
    }

    static synchronized MongoClient client() {
        if (client == null) {
            server = EmbeddedMongoServer.inMemory();
            client = MongoClients.create(server.connectionString("engine"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.shutdownNow();
            }));
        }
        return client;
    }

    public ApplyOutcome apply(byte[] body) {
        return applier.apply(null, body).outcome();
    }

    /** Applies {@code bodies} as one polled batch. */
    public List<ApplyOutcome> applyAll(List<byte[]> bodies) {
        return applier
                .applyAll(bodies.stream()
                        .map(body -> new StripeEventApplier.Incoming(null, body))
                        .toList())
                .stream()
                .map(result -> result.outcome())
                .toList();
    }

    /** collection -> id -> document without {@link #VOLATILE} fields. */
    public Map<String, Map<Object, Document>> state() {
        return state(database);
    }

    /** The normalised view of any database, e.g. the one a running worker writes to. */
    public static Map<String, Map<Object, Document>> state(MongoDatabase database) {
        return state(database, id -> true);
    }

    /** The normalised view of the documents whose id passes {@code ids}; collections without any are left out. */
    public static Map<String, Map<Object, Document>> state(MongoDatabase database, Predicate<String> ids) {
        Map<String, Map<Object, Document>> state = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            Map<Object, Document> documents = new TreeMap<>();
            for (Document document : database.getCollection(name).find()) {
                if (!ids.test(String.valueOf(document.get("_id")))) {
                    continue;
                }
                VOLATILE.forEach(document::remove);
                documents.put(document.get("_id"), document);
            }
            if (!documents.isEmpty()) {
                state.put(name, documents);
            }
        }
        return state;
    }

    public Document find(String collection, String id) {
        return database.getCollection(collection).find(new Document("_id", id)).first();
    }

    /** Every outbox entry ever written (the relay is not running in engine tests, so nothing is pulled). */
    public List<Document> outbox() {
        List<Document> entries = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                entries.addAll(document.getList(StoredFields.OUTBOX, Document.class, List.of()));
            }
        }
        return entries;
    }

    public Set<String> domainEventTypes() {
        Set<String> types = new HashSet<>();
        outbox().forEach(entry -> types.add(entry.getString(OutboxDocuments.TYPE)));
        return types;
    }

    public Set<String> domainEventIds() {
        Set<String> ids = new HashSet<>();
        outbox().forEach(entry -> ids.add(entry.getString(OutboxDocuments.ID)));
        return ids;
    }

    /** Every domain event written to an outbox, as a consumer reads it. */
    public List<DomainEvent> domainEvents() {
        return outbox().stream()
                .map(entry -> DomainEvents.read(entry.getString(OutboxDocuments.EVENT)))
                .toList();
    }

    /** {@code paystream.worker.events} of one outcome and source. */
    public double count(String outcome, String source) {
        return registry.find(WorkerMetrics.EVENTS).tag("outcome", outcome).tag("source", source).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    /** {@code paystream.worker.recovered}, every type. */
    public double recovered() {
        return registry.find(WorkerMetrics.RECOVERED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    public double count(String outcome) {
        return registry.find("paystream.worker.events").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Override
    public void close() {
        database.drop();
    }
}
