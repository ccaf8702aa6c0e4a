package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 backend's secondary indexes survive a restart, and catch up with a file written without them. */
class IndexedH2RestartTest {

    private static final Document BY_ACCOUNT = new Document("account", 1).append("seq", -1);

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
            assertThat(store.<Object, Object>openMap("restart.things._secondary_v1_account_1_seq_-1")
                            .sizeAsLong())
                    .as("entries persisted beside the data")
                    .isEqualTo(1_999);
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
    void aFileWrittenWithoutTheIndexGetsItBuiltOnOpening() {
        Path file = directory.resolve("plain.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> things = client.getDatabase("restart").getCollection("things");
            things.createIndex(BY_ACCOUNT);
            insert(things, 0, 500);
        } finally {
            plain.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> assertThat(seqs(things.find(eq("account", "acct_3"))))
                    .hasSize(50));
            assertThat(server.collectionScans()).isEmpty();
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
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            insert(client.getDatabase("restart").getCollection("things"), 100, 150);
        } finally {
            plain.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0)) {
            withThings(server, things -> assertThat(seqs(things.find(eq("account", "acct_2"))))
                    .containsExactlyInAnyOrder(2, 12, 22, 32, 42, 52, 62, 72, 82, 92, 102, 112, 122, 132, 142));
            assertThat(server.collectionScans()).isEmpty();
        }
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
