package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexed backends answer exactly as mongo-java-server's plain memory backend does: the same random writes
 * (inserts, updates that move indexed keys, upserts, deletes) and the same random queries, result for result, on the
 * reference and on both indexed servers through the real driver. Fixed seeds plus one new seed per run; a failure
 * names its seed: {@code -Ddiff.seed=N} replays it alone, {@code -Ddiff.trace=true} compares the whole collection
 * after every write, to find the write that went wrong.
 */
class IndexedBackendsDifferentialTest {

    private static final int WRITES = 700;
    private static final int QUERIES = 600;

    @TempDir
    Path directory;

    static Stream<Long> seeds() {
        if (System.getProperty("diff.seed") != null) {
            return Stream.of(Long.getLong("diff.seed"));
        }
        return Stream.of(1L, 2L, 3L, new Random().nextLong());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void indexedServersAnswerAsThePlainServer(long seed) {
        RandomData data = new RandomData(new Random(seed));
        RandomFilters filters = new RandomFilters(data);
        try (ThreeServers servers = new ThreeServers(directory.resolve("diff-" + seed + ".mv"), "seed " + seed)) {
            servers.onEach(IndexedBackendsDifferentialTest::createIndexes);
            for (int i = 0; i < WRITES; i++) {
                write(servers, data, filters);
                if (Boolean.getBoolean("diff.trace")) {
                    servers.same(
                            "the collection after " + servers.lastDescription(), things -> sortedJson(things.find()));
                }
                if (i % 10 == 0) {
                    query(servers, data, filters);
                }
            }
            for (int i = 0; i < QUERIES; i++) {
                query(servers, data, filters);
            }
            servers.same("the whole collection", things -> sortedJson(things.find()));
        }
    }

    private static Object createIndexes(MongoCollection<Document> things) {
        things.createIndex(new Document("a", 1));
        things.createIndex(new Document("b", 1).append("c", -1));
        things.createIndex(new Document("c", 1).append("_id", 1));
        things.createIndex(new Document("n.x", 1));
        things.createIndex(new Document("tags", 1));
        things.createIndex(new Document("s", 1), new IndexOptions().sparse(true));
        things.createIndex(new Document("created", -1));
        things.createIndex(new Document("account", 1)
                .append("livemode", 1)
                .append("created", -1)
                .append("_id", -1));
        return things.createIndex(
                new Document("u", 1), new IndexOptions().unique(true).sparse(true));
    }

    private static void write(ThreeServers servers, RandomData data, RandomFilters filters) {
        switch (data.nextInt(12)) {
            case 0, 1, 2, 3 -> {
                Document document = data.document();
                servers.same("insert " + document.toJson(), things -> {
                    things.insertOne(document);
                    return "inserted";
                });
            }
            case 4 -> {
                Bson filter = filters.filter();
                Bson update = update(data, false);
                Object answer = servers.same(
                        "updateMany " + json(filter) + " " + json(update),
                        things -> things.updateMany(filter, update).toString());
                if (answer instanceof String text && text.startsWith("error")) {
                    // Failed on every server alike, after changing the documents each reached first (e.g.
                    // mongo-java-server's "Expected one element but got at least two" for a multikey unique key).
                    servers.resyncToReference();
                }
            }
            case 5 -> {
                Bson filter = and(eq("_id", data.someId()), eq("version", data.nextInt(4)));
                Bson update = Updates.combine(update(data, true), Updates.inc("version", 1));
                servers.same(
                        "updateOne " + json(filter) + " " + json(update),
                        things -> things.updateOne(filter, update).toString());
            }
            case 6 -> {
                Bson filter = and(eq("_id", data.newId()), eq("account", data.pick(RandomData.ACCOUNTS)));
                Bson update = Updates.combine(
                        update(data, true),
                        Updates.setOnInsert("version", 0),
                        Updates.setOnInsert("u", data.newUnique()));
                servers.same("upsert " + json(filter), things -> things.updateOne(
                                filter, update, new UpdateOptions().upsert(true))
                        .toString());
            }
            case 7 -> {
                Bson filter = filters.filter();
                Bson sort = data.sort();
                Bson update = update(data, true);
                servers.same(
                        "findOneAndUpdate " + json(filter) + " sort " + json(sort),
                        things -> String.valueOf(things.findOneAndUpdate(
                                filter,
                                update,
                                new FindOneAndUpdateOptions().sort(sort).returnDocument(ReturnDocument.AFTER))));
            }
            case 8 -> {
                Bson filter = eq("_id", data.someId());
                servers.same("deleteOne " + json(filter), things -> things.deleteOne(filter)
                        .getDeletedCount());
            }
            case 9 -> {
                Bson filter = filters.filter();
                if (data.chance(25)) {
                    servers.same("deleteMany " + json(filter), things -> things.deleteMany(filter)
                            .getDeletedCount());
                }
            }
            default -> {
                Object id = data.someId();
                Document replacement = data.document();
                replacement.remove("_id");
                servers.same("replaceOne " + id, things -> things.replaceOne(eq("_id", id), replacement)
                        .toString());
            }
        }
    }

    /**
     * A change to an indexed key (to any kind of value, arrays included), or its removal. In an update of many
     * documents, none that can fail (a duplicate unique key, a path through an array): which documents it changes
     * before the error stops it depends on the order it finds them in, which an index changes (and MongoDB leaves
     * unspecified).
     */
    private static Bson update(RandomData data, boolean single) {
        List<String> fields = new ArrayList<>(List.of("a", "b", "c", "n", "tags", "s", "created", "account"));
        if (single) {
            fields.addAll(List.of("u", "n.x"));
        }
        String field = data.pick(fields);
        Object value =
                List.of("b", "c", "created", "tags", "account").contains(field) ? data.sortableValue() : data.value();
        if (value == RandomData.MISSING) {
            return Updates.unset(field);
        }
        return Updates.set(field, value);
    }

    private static void query(ThreeServers servers, RandomData data, RandomFilters filters) {
        Bson filter = filters.filter();
        switch (data.nextInt(5)) {
            case 0 -> servers.same("find " + json(filter), things -> sortedJson(things.find(filter)));
            case 1 -> servers.sameCount("count " + json(filter), filter);
            case 2 ->
                servers.same(
                        "distinct b " + json(filter),
                        things -> sortedJson(things.distinct("b", filter, BsonValue.class)
                                .map(IndexedBackendsDifferentialTest::distinctValue)));
            default -> {
                Bson sort = data.sort();
                int skip = data.chance(20) ? data.nextInt(5) : 0;
                int limit = data.chance(80) ? 1 + data.nextInt(25) : 0;
                servers.same(
                        "find " + json(filter) + " sort " + json(sort) + " skip " + skip + " limit " + limit,
                        things -> json(things.find(filter).sort(sort).skip(skip).limit(limit)));
            }
        }
    }

    /**
     * mongo-java-server keeps the first of equal values (1, 1L and 1.0 are equal), and which comes first depends on
     * the order it reads the documents in, which MongoDB leaves unspecified.
     */
    private static String distinctValue(@Nullable BsonValue value) {
        return value != null && value.isNumber() ? "number " + value.asNumber().doubleValue() : String.valueOf(value);
    }

    private static String json(Bson bson) {
        return bson.toBsonDocument().toJson();
    }

    private static List<String> json(Iterable<Document> documents) {
        List<String> json = new ArrayList<>();
        documents.forEach(document -> json.add(document.toJson()));
        return json;
    }

    private static List<String> sortedJson(Iterable<?> values) {
        List<String> json = new ArrayList<>();
        values.forEach(value -> json.add(value instanceof Document document ? document.toJson() : (String) value));
        json.sort(null);
        return json;
    }
}
