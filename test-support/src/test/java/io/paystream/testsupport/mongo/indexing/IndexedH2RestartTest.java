package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 backend's indexes survive a restart and catch up with writes made without them; a file of another storage
 * format is refused.
 */
class IndexedH2RestartTest {

    private static final Document BY_ACCOUNT = new Document("account", 1).append("seq", -1);
    private static final String SECONDARY_MAP = "restart.things._secondary_v2_account_1_seq_-1";

    @TempDir
    Path directory;

    @Test
    void indexesArePersistedAndUsedAfterARestart() {
        Path file = directory.resolve("restart.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> {
                things.createIndex(BY_ACCOUNT);
                insert(things, 0, 2_000);
                things.updateOne(eq("_id", "doc-7"), new Document("$set", new Document("account", "moved")));
                things.deleteOne(eq("_id", "doc-17"));
            });
        }
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.getMapNames())
                    .as("indexes persisted beside the data")
                    .contains(SECONDARY_MAP, "restart.things._unique_v2__id_")
                    .doesNotContain("restart.things._index__id_");
            assertThat(secondaryEntries(store).sizeAsLong()).isEqualTo(1_999);
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> {
                assertThat(things.listIndexes().map(index -> index.getString("name")))
                        .contains("account_1_seq_-1");
                assertThat(seqs(things.find(eq("account", "acct_7"))
                                .sort(descending("seq"))
                                .limit(3)))
                        .containsExactly(1997, 1987, 1977);
                assertThat(seqs(things.find(eq("account", "moved")))).containsExactly(7);
                assertThat(seqs(things.find(and(eq("account", "acct_7"), gte("seq", 1990)))))
                        .containsExactly(1997);
                insert(things, 2_000, 2_010);
                assertThat(seqs(things.find(eq("account", "acct_7"))
                                .sort(descending("seq"))
                                .limit(2)))
                        .containsExactly(2007, 1997);
                assertThat(things.find(eq("account", "acct_1"))).hasSize(201);
            });
            assertThat(server.collectionScans()).isEmpty();
        }
    }

    @Test
    void aFileOfAnotherStorageFormatIsRefusedWithTheRemedy() {
        Path file = directory.resolve("plain.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> things = client.getDatabase("restart").getCollection("things");
            things.createIndex(BY_ACCOUNT);
            insert(things, 0, 500);
        } finally {
            plain.shutdownNow();
        }

        assertThatThrownBy(() -> EmbeddedMongoServer.persistent(file, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("format 1")
                .hasMessageContaining("delete");
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.getMapNames())
                    .as("the refused file left as it was")
                    .doesNotContain(StorageFormat.MAP)
                    .contains("databases.restart.things");
        }
    }

    @Test
    void anIndexThatMissedWritesIsRebuilt() {
        Path file = directory.resolve("behind.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> {
                things.createIndex(BY_ACCOUNT);
                insert(things, 0, 100);
            });
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(
                    "databases.restart.things",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .keyType(new H2KeyType())
                            .valueType(new H2DocumentType()));
            for (int seq = 100; seq < 150; seq++) {
                data.put(
                        "doc-" + seq,
                        new de.bwaldvogel.mongo.bson.Document("_id", "doc-" + seq)
                                .append("account", "acct_" + seq % 10)
                                .append("seq", seq));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> {
                assertThat(seqs(things.find(eq("account", "acct_2"))))
                        .containsExactlyInAnyOrder(2, 12, 22, 32, 42, 52, 62, 72, 82, 92, 102, 112, 122, 132, 142);
                assertThat(seqs(things.find(eq("_id", "doc-120")))).containsExactly(120);
                assertThat(seqs(things.find(in("_id", List.of("doc-99", "doc-149")))))
                        .hasSize(2);
            });
            assertThat(server.collectionScans()).isEmpty();
        }
    }

    @Test
    void aServerDateStoredToTheMillisecondLeavesNoIndexEntryBehind() {
        Path file = directory.resolve("dates.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> {
                things.createIndex(new Document("touched", 1));
                insert(things, 0, 10);
                things.updateOne(eq("_id", "doc-1"), new Document("$currentDate", new Document("touched", true)));
            });
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(
                    server,
                    things -> things.updateOne(
                            eq("_id", "doc-1"), new Document("$set", new Document("touched", "done"))));
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object[], Boolean> entries = store.openMap(
                    "restart.things._secondary_v2_touched_1",
                    new MVMap.Builder<Object[], Boolean>()
                            .keyType(new H2EntryType(
                                    new EntryOrder(List.of(new IndexKey("touched", true)), KeyOrder.INSTANCE))));
            assertThat(entries.sizeAsLong()).as("one entry per document").isEqualTo(10);
        }
    }

    private static MVMap<Object[], Boolean> secondaryEntries(MVStore store) {
        List<IndexKey> keys = List.of(new IndexKey("account", true), new IndexKey("seq", false));
        return store.openMap(
                SECONDARY_MAP,
                new MVMap.Builder<Object[], Boolean>()
                        .keyType(new H2EntryType(new EntryOrder(keys, KeyOrder.INSTANCE))));
    }

    private static void withThings(EmbeddedMongoServer server, Consumer<MongoCollection<Document>> actions) {
        try (MongoClient client = MongoClients.create(server.connectionString("restart"))) {
            actions.accept(client.getDatabase("restart").getCollection("things"));
        }
    }

    private static void insert(MongoCollection<Document> things, int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int seq = from; seq < to; seq++) {
            documents.add(new Document("_id", "doc-" + seq)
                    .append("account", "acct_" + seq % 10)
                    .append("seq", seq));
        }
        things.insertMany(documents);
    }

    private static List<Integer> seqs(Iterable<Document> documents) {
        List<Integer> seqs = new ArrayList<>();
        documents.forEach(document -> seqs.add(document.getInteger("seq")));
        return seqs;
    }
}
