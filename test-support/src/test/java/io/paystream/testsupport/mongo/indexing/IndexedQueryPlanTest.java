package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query shapes of Paystream's hot paths find an index on both embedded backends, so a test of those paths can
 * assert that they record no collection scan; and a query no index answers does record one. (Counts here are finds:
 * the driver's countDocuments is an aggregation, which mongo-java-server runs over the whole collection.)
 */
class IndexedQueryPlanTest {

    private static final int DOCUMENTS = 5_000;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    static Path directory;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> things;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("memory", (Function<Path, EmbeddedMongoServer>) file -> EmbeddedMongoServer.inMemory()),
                Arguments.of(
                        "h2", (Function<Path, EmbeddedMongoServer>) file -> EmbeddedMongoServer.persistent(file, 0)));
    }

    private void start(String name, Function<Path, EmbeddedMongoServer> servers) {
        server = servers.apply(directory.resolve(name + "-" + System.nanoTime() + ".mv"));
        client = MongoClients.create(server.connectionString("plans"));
        things = client.getDatabase("plans").getCollection("things");
        things.createIndex(new Document("account", 1)
                .append("livemode", 1)
                .append("created", -1)
                .append("_id", -1));
        things.createIndex(new Document("product", 1));
        things.createIndex(new Document("outbox.at", 1), new IndexOptions().sparse(true));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", String.format("pi_%05d", i))
                    .append("account", "acct_" + i % 10)
                    .append("livemode", i % 3 != 0)
                    .append("created", Date.from(START.plusSeconds(i / 2)))
                    .append("product", "prod_" + i % 250)
                    .append("version", i % 7)
                    .append("amount", i);
            if (i % 10 == 0) {
                document.append("outbox", new Document("at", Date.from(START.plusSeconds(i))));
            } else if (i % 10 != 9) {
                document.append("outbox", List.of()); // what an aggregate keeps once its entries were relayed
            }
            documents.add(document);
        }
        things.insertMany(documents);
        server.clearCollectionScans();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void hotPathQueriesFindAnIndex(String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);

        assertThat(things.find(and(eq("_id", "pi_00042"), eq("version", 0))).first())
                .containsEntry("amount", 42);
        assertThat(things.find(and(eq("_id", "pi_00042"), eq("version", 1))).first())
                .isNull();
        assertThat(amounts(things.find(eq("product", "prod_7")).sort(descending("created"))))
                .hasSize(DOCUMENTS / 250)
                .startsWith(4757, 4507);
        assertThat(amounts(things.find(in("_id", List.of("pi_00001", "pi_00002", "nope")))))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(amounts(things.find(in("product", List.of("prod_1", "prod_2")))))
                .hasSize(2 * DOCUMENTS / 250);
        assertThat(things.find(lte("outbox.at", Date.from(START.plusSeconds(999)))))
                .hasSize(100);
        assertThat(server.collectionScans()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aListPageAndItsKeysetContinuationFindTheCompoundIndex(
            String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);
        Bson account = and(eq("account", "acct_4"), eq("livemode", true));
        Bson newestFirst = descending("created", "_id");

        List<Document> first = things.find(account).sort(newestFirst).limit(21).into(new ArrayList<>());
        Document last = first.get(19);
        List<Document> second = things.find(and(
                        account,
                        or(
                                lt("created", last.get("created")),
                                and(eq("created", last.get("created")), lt("_id", last.get("_id"))),
                                eq("created", null))))
                .sort(newestFirst)
                .limit(21)
                .into(new ArrayList<>());

        List<Integer> all = amounts(things.find(account).sort(newestFirst).limit(40));
        assertThat(amounts(first.subList(0, 20))).isEqualTo(all.subList(0, 20));
        assertThat(amounts(second.subList(0, 20))).isEqualTo(all.subList(20, 40));
        assertThat(server.collectionScans()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void updatesAndDeletesFindTheirDocumentByAnIndex(String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);

        assertThat(things.updateOne(eq("product", "prod_9"), Updates.set("seen", true))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(things.updateOne(and(eq("_id", "pi_00009"), eq("version", 2)), Updates.inc("version", 1))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(things.findOneAndUpdate(
                        and(eq("_id", "pi_00009"), eq("version", 3)), Updates.set("outbox.at", new Date(0))))
                .isNotNull();
        assertThat(things.findOneAndUpdate(eq("product", "prod_11"), Updates.set("seen", true)))
                .isNotNull();
        assertThat(things.deleteOne(eq("product", "prod_12")).getDeletedCount()).isEqualTo(1);
        assertThat(things.find(lte("outbox.at", new Date(0)))).hasSize(1);
        assertThat(server.collectionScans()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aSparseIndexHoldsNoEntryForAnEmptiedOutbox(String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);
        // A tenth of the documents have an outbox entry, eight tenths an emptied outbox, a tenth none at all.
        assertThat(indexEntries("outbox.at_1")).isEqualTo(DOCUMENTS / 10);

        things.updateOne(eq("_id", "pi_00010"), Updates.set("outbox", List.of()));
        things.updateOne(eq("_id", "pi_00011"), Updates.set("outbox", List.of(new Document("at", new Date(0)))));

        assertThat(indexEntries("outbox.at_1")).isEqualTo(DOCUMENTS / 10);
        assertThat(amounts(things.find(lte("outbox.at", new Date(0))))).containsExactly(11);
    }

    /** What mongo-java-server's collStats reports as an index's size: its number of entries. */
    private long indexEntries(String index) {
        Document stats = client.getDatabase("plans").runCommand(new Document("collStats", "things"));
        return ((Number) stats.get("indexSize", Document.class).get(index)).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aQueryNoIndexAnswersIsRecordedAsAScanWithoutItsValues(
            String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);

        assertThat(things.find(eq("amount", 77)).first()).containsEntry("_id", "pi_00077");
        things.find(and(eq("version", 3), lt("created", new Date())))
                .sort(descending("amount"))
                .first();

        assertThat(server.collectionScans())
                .containsExactly(
                        new CollectionScan("plans.things", "{\"amount\": \"?\"}", DOCUMENTS),
                        new CollectionScan(
                                "plans.things",
                                "{\"$and\": [{\"version\": \"?\"}, {\"created\": {\"$lt\": \"?\"}}]}",
                                DOCUMENTS));
        server.clearCollectionScans();
        assertThat(server.collectionScans()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aQueryItsIndexNarrowsTooLittleIsRecordedAsAWideRead(String name, Function<Path, EmbeddedMongoServer> servers) {
        start(name, servers);
        List<String> everyAccount = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> "acct_" + i)
                .toList();

        // every account is a seek point of the compound index: it reads every document to find the one amount
        assertThat(things.find(and(in("account", everyAccount), eq("amount", 77)))
                        .into(new ArrayList<>()))
                .extracting(document -> document.getString("_id"))
                .containsExactly("pi_00077");

        assertThat(server.collectionScans()).singleElement().satisfies(scan -> {
            assertThat(scan.namespace()).isEqualTo("plans.things");
            assertThat(scan.queryShape()).contains("account", "amount").endsWith(" via an index");
            assertThat(scan.documents()).isEqualTo(DOCUMENTS);
        });
    }

    private static List<Integer> amounts(Iterable<Document> documents) {
        List<Integer> amounts = new ArrayList<>();
        documents.forEach(document -> amounts.add(document.getInteger("amount")));
        return amounts;
    }
}
