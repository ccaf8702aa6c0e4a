package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.product.CatalogObject.Kind;
import io.paystream.catalog.product.CatalogWriter.EventOutcome;
import io.paystream.catalog.product.CatalogWriter.EventWrite;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another writer (a full sync, another instance) changing an object between the batch's read and its bulk write: that
 * object is decided again on the state the other writer left, the rest of the batch lands as it was.
 */
class EventBatchWriterTest {

    private static final String ACCOUNT = "platform";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = MongoClients.create(server.connectionString("paystream"));
        database = client.getDatabase("paystream");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void anObjectANewerWriterChangedMeanwhileEndsStaleAndTheRestOfTheBatchLands() {
        String raced = "prod_raced" + run;
        String calm = "prod_calm" + run;
        CatalogWriter other = new CatalogWriter(database, Clock.systemUTC());
        other.writeEvents(List.of(event(raced, "Listed", T0, "evt_0"), event(calm, "Listed", T0, "evt_1")));
        CatalogWriter racing = new CatalogWriter(
                racingBeforeFirstBulkWrite(
                        () -> other.writeEvents(List.of(event(raced, "Newer elsewhere", T0.plusSeconds(20), "evt_9")))),
                Clock.systemUTC());

        List<EventOutcome> outcomes = racing.writeEvents(List.of(
                event(raced, "Mine", T0.plusSeconds(10), "evt_2"), event(calm, "Mine", T0.plusSeconds(10), "evt_3")));

        assertThat(outcomes).containsExactly(EventOutcome.STALE, EventOutcome.APPLIED);
        assertThat(stored(raced).getString(NAME)).isEqualTo("Newer elsewhere");
        assertThat(stored(calm).getString(NAME)).isEqualTo("Mine");
        assertThat(stored(calm).getLong(VERSION)).isEqualTo(2);
    }

    @Test
    void anObjectAnOlderWriterChangedMeanwhileIsWrittenAgainOverIt() {
        String raced = "prod_older" + run;
        CatalogWriter other = new CatalogWriter(database, Clock.systemUTC());
        other.writeEvents(List.of(event(raced, "Listed", T0, "evt_0")));
        CatalogWriter racing = new CatalogWriter(
                racingBeforeFirstBulkWrite(
                        () -> other.writeEvents(List.of(event(raced, "Older", T0.plusSeconds(5), "evt_5")))),
                Clock.systemUTC());

        List<EventOutcome> outcomes = racing.writeEvents(List.of(
                event(raced, "First of mine", T0.plusSeconds(10), "evt_6"),
                event(raced, "Mine", T0.plusSeconds(11), "evt_7")));

        assertThat(outcomes).containsExactly(EventOutcome.APPLIED, EventOutcome.APPLIED);
        Document stored = stored(raced);
        assertThat(stored.getString(NAME)).isEqualTo("Mine");
        assertThat(stored.getString(LAST_EVENT_ID)).isEqualTo("evt_7");
        assertThat(stored.getLong(VERSION))
                .as("created, the other write, this batch's one write")
                .isEqualTo(3);
    }

    private static EventWrite event(String productId, String name, Instant created, String eventId) {
        CatalogObject object = new CatalogObject(
                Kind.PRODUCT, productId, productId, new Document(NAME, name).append(ACTIVE, true), created);
        return new EventWrite(ACCOUNT, false, object, false, created, eventId);
    }

    private Document stored(String productId) {
        return database.getCollection(PRODUCTS)
                .find(Filters.eq(ID, CatalogDocuments.id(ACCOUNT, false, productId)))
                .first();
    }

    /** This test's database, whose collections run {@code race} once, just before the first bulk write reaches it. */
    private MongoDatabase racingBeforeFirstBulkWrite(Runnable race) {
        boolean[] raced = {false};
        return proxy(MongoDatabase.class, database, (method, args) -> {
            Object result = method.invoke(database, args);
            if (!(result instanceof MongoCollection<?> collection)) {
                return result;
            }
            return proxy(MongoCollection.class, collection, (collectionMethod, collectionArgs) -> {
                if (collectionMethod.getName().equals("bulkWrite") && !raced[0]) {
                    raced[0] = true;
                    race.run();
                }
                return collectionMethod.invoke(collection, collectionArgs);
            });
        });
    }

    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws ReflectiveOperationException;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
