package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 backend commits its file itself, without H2's pipelined background threads (see {@link StoreCommitter}), and
 * what is written reaches the file while the server runs: a copy of the file taken then, what a killed process leaves,
 * holds it.
 */
class StoreCommitterTest {

    @TempDir
    Path directory;

    @Test
    void writesReachTheFileWhileTheServerRunsWithoutH2sPipelineThreads() throws Exception {
        Path file = directory.resolve("running.mv");
        MVStore store = IndexedH2Backend.openStore(file, 16);
        assertThat(store.getAutoCommitMemory())
                .as("writers leave commits to the committer up to this many unsaved bytes")
                .isEqualTo(IndexedH2Backend.UNSAVED_BUFFER_KB * 1024);
        MongoServer server = new MongoServer(new IndexedH2Backend(store, new CollectionScanLog()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> things = client.getDatabase("running").getCollection("things");
            List<Document> documents = new ArrayList<>();
            for (int seq = 0; seq < 3_000; seq++) {
                documents.add(new Document("_id", "doc-" + seq).append("seq", seq));
            }
            things.insertMany(documents);
            for (int seq = 0; seq < 3_000; seq += 3) {
                things.updateOne(Filters.eq("_id", "doc-" + seq), Updates.set("updated", true));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> !store.hasUnsavedChanges());
            assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .as("H2's pipeline threads, whose race spun a core and stopped the file's writes")
                    .doesNotContain("H2-serialization", "H2-save")
                    .contains(StoreCommitter.threadName(store));
            Files.copy(file, directory.resolve("copy.mv"));
        } finally {
            server.shutdownNow();
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .as("the committer stops with the server")
                .doesNotContain(StoreCommitter.threadName(store));
        try (EmbeddedMongoServer copy = EmbeddedMongoServer.persistent(directory.resolve("copy.mv"), 0);
                MongoClient client = MongoClients.create(copy.connectionString("running"))) {
            MongoCollection<Document> things = client.getDatabase("running").getCollection("things");
            assertThat(things.countDocuments()).isEqualTo(3_000);
            assertThat(things.countDocuments(Filters.eq("updated", true))).isEqualTo(1_000);
        }
    }

    @Test
    void anUpdateLeavesTheStoredDocumentAsItWasForACommitEncodingIt() {
        MVStore store = IndexedH2Backend.openStore(directory.resolve("copies.mv"), 16);
        MongoServer server = new MongoServer(new IndexedH2Backend(store, new CollectionScanLog()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> things = client.getDatabase("running").getCollection("things");
            things.insertOne(new Document("_id", "doc-1")
                    .append("state", new Document("status", "open"))
                    .append("outbox", new ArrayList<>(List.of(new Document("type", "opened")))));
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(
                    "databases.running.things",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .keyType(new H2KeyType())
                            .valueType(new H2DocumentType()));
            de.bwaldvogel.mongo.bson.Document stored = data.get("doc-1");
            String before = stored.toString();

            things.updateOne(
                    Filters.eq("_id", "doc-1"),
                    Updates.combine(
                            Updates.set("state.status", "paid"),
                            Updates.push("outbox", new Document("type", "paid")),
                            Updates.unset("missing")));
            things.findOneAndUpdate(Filters.eq("_id", "doc-1"), Updates.set("state.note", "again"));

            assertThat(stored.toString())
                    .as("the instance a commit may be encoding at that moment")
                    .isEqualTo(before);
            Document now = things.find().first();
            assertThat(now.get("state", Document.class))
                    .isEqualTo(new Document("status", "paid").append("note", "again"));
            assertThat(now.getList("outbox", Document.class)).hasSize(2);
        } finally {
            server.shutdownNow();
        }
    }
}
