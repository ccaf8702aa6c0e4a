package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The same collection on three servers: mongo-java-server's plain memory backend (the reference) and this package's
 * indexed memory and H2 backends. Every operation runs on all three and must give the reference's answer.
 */
final class ThreeServers implements AutoCloseable {

    private final MongoServer reference = new MongoServer(new MemoryBackend());
    private final EmbeddedMongoServer memory = EmbeddedMongoServer.inMemory();
    private final EmbeddedMongoServer h2;
    private final List<MongoClient> clients = new ArrayList<>();
    private final Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
    private final String context;
    private String lastDescription = "";

    ThreeServers(Path h2File, String context) {
        this.context = context;
        this.h2 = EmbeddedMongoServer.persistent(h2File, 0);
        collections.put("reference", collection(reference.bindAndGetConnectionString()));
        collections.put("indexed memory", collection(memory.connectionString("diff")));
        collections.put("indexed h2", collection(h2.connectionString("diff")));
    }

    private MongoCollection<Document> collection(String uri) {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return client.getDatabase("diff").getCollection("things");
    }

    /** The {@code count} command (the driver's countDocuments aggregates, which reads the whole collection). */
    Object sameCount(String description, Bson filter) {
        return same(description, things -> {
            MongoClient client = clients.get(List.copyOf(collections.values()).indexOf(things));
            return client.getDatabase("diff")
                    .runCommand(new Document("count", "things").append("query", filter))
                    .get("n");
        });
    }

    /** Runs {@code operation} everywhere; an error counts as an answer (its code). Returns the reference's answer. */
    @SuppressWarnings("unchecked")
    Object same(String description, Function<MongoCollection<Document>, Object> operation) {
        lastDescription = description;
        Object expected = null;
        boolean first = true;
        for (Map.Entry<String, MongoCollection<Document>> server : collections.entrySet()) {
            Object answer;
            try {
                answer = operation.apply(server.getValue());
            } catch (MongoException e) {
                answer = "error " + e.getCode();
            }
            if (first) {
                expected = answer;
                first = false;
            } else if (expected instanceof List<?> list && answer instanceof List<?> answers) {
                assertThat((List<Object>) answers)
                        .as("%s: %s on the %s server", context, description, server.getKey())
                        .containsExactlyElementsOf((List<Object>) list);
            } else {
                assertThat(answer)
                        .as("%s: %s on the %s server", context, description, server.getKey())
                        .isEqualTo(expected);
            }
        }
        return expected;
    }

    /**
     * Makes the indexed servers' collections the reference's again: after a multi-document write that failed midway,
     * which documents it changed before the error depends on the order each server found them in (MongoDB leaves it
     * unspecified too), so the servers may rightly differ there.
     */
    void resyncToReference() {
        List<Document> documents = collections.get("reference").find().into(new ArrayList<>());
        collections.forEach((name, things) -> {
            if (!name.equals("reference")) {
                things.deleteMany(new Document());
                if (!documents.isEmpty()) {
                    things.insertMany(documents);
                }
            }
        });
    }

    String lastDescription() {
        return lastDescription;
    }

    void onEach(Function<MongoCollection<Document>, Object> setup) {
        collections.values().forEach(setup::apply);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        reference.shutdownNow();
        memory.close();
        h2.close();
    }
}
