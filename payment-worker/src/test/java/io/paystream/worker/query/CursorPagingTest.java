package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keyset pagination on the embedded Mongo server, including ties on created and documents without one. */
class CursorPagingTest {

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> collection;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(server.connectionString("paging"));
        collection = client.getDatabase("paging").getCollection("items");
        insert("a", 1000L, false);
        insert("b", 3000L, false);
        insert("c", 3000L, false);
        insert("d", null, false);
        insert("e", 2000L, false);
        insert("f", null, false);
        insert("g", 3000L, false);
        insert("h", 9000L, true); // the other mode
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void pagesNewestFirstThenIdDescendingWithUndatedLastAndNothingRepeatedOrSkipped() {
        for (int limit = 1; limit <= 8; limit++) {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                Page<String> page = CursorPaging.page(
                        collection,
                        Filters.eq("livemode", false),
                        new ListRequest("items", limit, cursor),
                        document -> document.getString("_id"));
                assertThat(page.data()).hasSizeLessThanOrEqualTo(limit);
                ids.addAll(page.data());
                cursor = page.nextCursor();
                assertThat(cursor != null).isEqualTo(page.hasMore());
            } while (cursor != null);
            assertThat(ids).as("limit %d", limit).containsExactly("g", "c", "b", "e", "a", "f", "d");
        }
    }

    private static void insert(String id, Long createdMillis, boolean livemode) {
        collection.insertOne(new Document("_id", id)
                .append("livemode", livemode)
                .append(StoredValues.CREATED, createdMillis == null ? null : new Date(createdMillis))
                .append("recentEventIds", List.of("evt_1")));
    }
}
