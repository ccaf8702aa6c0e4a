package io.paystream.testsupport.mongo.indexing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Random documents and values from small domains, so that equal keys, mixed number types (1, 1L, 1.0 are equal),
 * nulls, missing fields, arrays, nested documents and dates all meet in the indexes.
 */
final class RandomData {

    /** A value {@link #put} leaves out. */
    static final Object MISSING = new Object();

    static final List<String> ACCOUNTS = List.of("acct_1", "acct_2", "acct_3");

    private final Random random;
    private int nextId;

    RandomData(Random random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    Object newId() {
        int id = nextId++;
        return chance(10) ? (Object) id : "d" + id;
    }

    /** A value of the unique key {@code u}, never used before. */
    String newUnique() {
        return "u" + nextId++;
    }

    /** An id that may or may not exist yet. */
    Object someId() {
        int id = random.nextInt(nextId + 5);
        return chance(10) ? (Object) id : "d" + id;
    }

    Document document() {
        Document document = new Document("_id", newId());
        put(document, "a", value());
        put(document, "b", chance(15) ? MISSING : chance(10) ? null : pick(List.of("x", "y", "z", "w")));
        put(document, "c", chance(10) ? MISSING : chance(70) ? number() : sortableValue());
        put(document, "n", nested());
        put(document, "tags", tags());
        put(document, "s", chance(65) ? MISSING : chance(15) ? null : value());
        put(document, "account", chance(5) ? MISSING : pick(ACCOUNTS));
        put(document, "livemode", chance(5) ? MISSING : random.nextBoolean());
        put(document, "created", chance(8) ? MISSING : chance(5) ? null : date());
        put(document, "version", random.nextInt(4));
        put(document, "z", random.nextInt(6));
        put(document, "u", newUnique());
        return document;
    }

    static void put(Document document, String field, Object value) {
        if (value != MISSING) {
            document.put(field, value);
        }
    }

    /** Any of the kinds a field may hold. */
    Object value() {
        return switch (random.nextInt(14)) {
            case 0, 1 -> random.nextInt(8);
            case 2 -> (long) random.nextInt(8);
            case 3 -> (double) random.nextInt(8);
            case 4 -> random.nextInt(8) + 0.5;
            case 5 -> pick(List.of("x", "y", "z", "5"));
            case 6 -> MISSING;
            case 7 -> null;
            case 8 -> List.of(random.nextInt(8), random.nextInt(8));
            case 9 -> List.of();
            case 10 -> date();
            case 11 -> random.nextBoolean();
            case 12 -> new Document("k", random.nextInt(3));
            default -> List.of(List.of(random.nextInt(3), 7), random.nextInt(8));
        };
    }

    /**
     * A value for a field that queries sort by: no empty or nested array. mongo-java-server's comparator is not a
     * total order on those (an empty array compares below another), so its sort of them depends on the order it reads
     * the documents in, with or without an index.
     */
    Object sortableValue() {
        Object value = value();
        return value instanceof List<?> ? List.of(random.nextInt(8), random.nextInt(8)) : value;
    }

    /** A scalar to compare with: a number of any type, a string, a date or a boolean. */
    Object scalar() {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextInt(8);
            case 1 -> (long) random.nextInt(8);
            case 2 -> random.nextInt(8) + 0.5;
            case 3 -> pick(List.of("x", "y", "z", "5"));
            case 4 -> random.nextBoolean();
            default -> date();
        };
    }

    Object number() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(20);
            case 1 -> (long) random.nextInt(20);
            default -> random.nextInt(20) / 2.0;
        };
    }

    Date date() {
        return Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * random.nextInt(30)));
    }

    private Object nested() {
        return switch (random.nextInt(6)) {
            case 0 -> MISSING;
            case 1 -> random.nextInt(3);
            case 2 -> List.of(new Document("x", random.nextInt(5)), new Document("x", scalar()));
            default -> {
                Document nested = new Document("y", random.nextInt(3));
                put(nested, "x", value());
                yield nested;
            }
        };
    }

    private Object tags() {
        if (chance(20)) {
            return chance(50) ? MISSING : pick(List.of("red", "blue"));
        }
        List<String> tags = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            tags.add(pick(List.of("red", "blue", "green", "black", "white")));
        }
        return tags;
    }

    /**
     * A sort that makes the order total (_id last), so every server must return the same list; on fields that hold
     * {@link #sortableValue sortable values} only.
     */
    Bson sort() {
        return pick(List.of(
                new Document("c", 1).append("_id", 1),
                new Document("c", -1).append("_id", -1),
                new Document("created", -1).append("_id", -1),
                new Document("created", 1).append("_id", 1),
                new Document("b", 1).append("c", -1).append("_id", 1),
                new Document("b", -1).append("_id", -1),
                new Document("tags", 1).append("_id", -1),
                new Document("account", 1)
                        .append("livemode", 1)
                        .append("created", -1)
                        .append("_id", -1)));
    }
}
