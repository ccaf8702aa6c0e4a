package io.paystream.bench.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents the stack stores: every collection of the {@code paystream} database on the stack's MongoDB server,
 * counted with {@code estimatedDocumentCount} (collection metadata, no scan: counting must not load the server it
 * measures).
 */
final class StoredDocuments implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    StoredDocuments(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.database = client.getDatabase("paystream");
    }

    long count() {
        return byCollection().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> byCollection() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            counts.put(name, database.getCollection(name).estimatedDocumentCount());
        }
        return counts;
    }

    @Override
    public void close() {
        client.close();
    }
}
