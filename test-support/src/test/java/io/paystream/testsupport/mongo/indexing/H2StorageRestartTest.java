package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the H2 backend's storage format writes reads back identical after a restart, found by its typed keys. */
class H2StorageRestartTest {

    private static final Date DATE = new Date(1_767_225_600_123L);

    @TempDir
    Path directory;

    @Test
    void documentsOfEveryTypeAndMixedIdsReadBackIdentical() {
        Path file = directory.resolve("storage.mv");
        List<Object> ids = List.of(
                new ObjectId(), "evt_1", 7, 1L << 40, 2.5, DATE, new Document("tenant", "t1").append("n", 1), true);
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            written.add(document(ids.get(i), i));
        }

        List<Document> before = withThings(file, things -> {
            things.insertMany(written);
            things.updateOne(eq("_id", "evt_1"), new Document("$set", new Document("nested.added", List.of(1, 2))));
            return sortedById(things);
        });
        List<Document> after = withThings(file, things -> {
            for (Object id : ids) {
                assertThat(things.find(eq("_id", id)).first())
                        .as("by _id %s", id)
                        .isNotNull();
            }
            assertThat(things.find(eq("_id", 7.0)).first())
                    .as("an _id found by an equal number of another type, as mongo-java-server does")
                    .isNotNull();
            return sortedById(things);
        });

        assertThat(before).hasSize(ids.size());
        assertThat(before)
                .filteredOn(document -> "evt_1".equals(document.get("_id")))
                .singleElement()
                .extracting(document -> ((Document) document.get("nested")).get("added"))
                .isEqualTo(List.of(1, 2));
        assertThat(after).isEqualTo(before);
    }

    private static Document document(Object id, int i) {
        return new Document("_id", id)
                .append("string", "text é " + i)
                .append("int", i)
                .append("long", 1L << 50)
                .append("double", 0.1 * i)
                .append("decimal", new Decimal128(new java.math.BigDecimal("12.34")))
                .append("true", true)
                .append("null", null)
                .append("date", DATE)
                .append("objectId", new ObjectId())
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID())
                .append("timestamp", new BsonTimestamp(1_767_225_600, i))
                .append("regex", new BsonRegularExpression("^a.*", "i"))
                .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document("c", 3.0)))))
                .append("array", List.of(List.of(1, 2), List.of(), "x", DATE));
    }

    private static List<Document> sortedById(MongoCollection<Document> things) {
        return things.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static <T> T withThings(Path file, Function<MongoCollection<Document>, T> actions) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0);
                MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                        .applyConnectionString(new com.mongodb.ConnectionString(server.connectionString("storage")))
                        .uuidRepresentation(UuidRepresentation.STANDARD)
                        .build())) {
            return actions.apply(client.getDatabase("storage").getCollection("things"));
        }
    }
}
