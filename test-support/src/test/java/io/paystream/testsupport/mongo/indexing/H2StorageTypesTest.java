package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The H2 backend's storage types: documents round-trip as BSON, keys in Mongo's order and exactly as equal as Java's. */
class H2StorageTypesTest {

    private static final Instant DATE = Instant.parse("2026-03-01T12:34:56.789Z");

    @Test
    void aDocumentOfEveryTypeReadsBackEqual() {
        Document document = new Document("_id", new ObjectId())
                .append("string", "text é ✓")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("decimal", new Decimal128(new BigDecimal("12.3400")))
                .append("true", true)
                .append("false", false)
                .append("null", null)
                .append("date", DATE)
                .append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("timestamp", new BsonTimestamp(DATE, 7))
                .append("regex", new BsonRegularExpression("^a.*", "i"))
                .append("javascript", new BsonJavaScript("function() {}"))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document("c", 3.0)))))
                .append("array", new ArrayList<>(List.of(List.of(1, 2), new ArrayList<>(), "x", DATE)))
                .append("empty", new Document());

        for (boolean direct : new boolean[] {false, true}) {
            Document read = roundTrip(new H2DocumentType(), document, direct);

            assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
            assertThat(read)
                    .usingRecursiveComparison()
                    .withStrictTypeChecking()
                    .ignoringFields("regex")
                    .isEqualTo(document);
            BsonRegularExpression regex = (BsonRegularExpression) read.get("regex");
            assertThat(regex.getPattern() + "/" + regex.getOptions()).isEqualTo("^a.*/i");
        }
    }

    @Test
    void aDocumentsMemoryEstimateIsOfItsDecodedObjectsNotItsBytes() {
        Document document = new Document();
        for (int i = 0; i < 25; i++) {
            document.append("field_" + i, "x".repeat(60));
        }
        WriteBuffer buffer = new WriteBuffer();
        new H2DocumentType().write(buffer, document);

        assertThat(new H2DocumentType().getMemory(document)).isGreaterThan(2 * buffer.position());
    }

    @Test
    void keysReadBackEqualAndOfTheSameType() {
        for (Object key : mixedKeys()) {
            assertThat(roundTrip(new H2KeyType(), key, false))
                    .as("%s", key)
                    .isEqualTo(Missing.ofNullable(key))
                    .hasSameClassAs(Missing.ofNullable(key));
        }
        KeyValue compound = new KeyValue(Arrays.asList(null, 1.0, "a", DATE, new ObjectId(), new Document("x", 1.0)));
        assertThat(roundTrip(new H2KeyValueType(), compound, true)).isEqualTo(compound);
    }

    @Test
    void keysAreInValueComparatorOrderAndEqualExactlyWhenJavaSaysSo() {
        List<@Nullable Object> keys = mixedKeys();
        for (Object a : keys) {
            for (Object b : keys) {
                int order = Integer.signum(KeyOrder.INSTANCE.compare(a, b));
                int mongo = Integer.signum(ValueComparator.asc().compare(a, b));
                String pair = describe(a) + " vs " + describe(b);
                if (mongo != 0) {
                    assertThat(order).as(pair).isEqualTo(mongo);
                }
                assertThat(order == 0).as(pair).isEqualTo(Objects.equals(a, b));
                assertThat(Integer.signum(KeyOrder.INSTANCE.compare(b, a)))
                        .as(pair)
                        .isEqualTo(-order);
            }
        }
        List<@Nullable Object> sorted = new ArrayList<>(keys);
        Collections.shuffle(sorted);
        sorted.sort(KeyOrder.INSTANCE);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(KeyOrder.INSTANCE.compare(sorted.get(i), sorted.get(j)))
                        .as("transitive: %s before %s", describe(sorted.get(i)), describe(sorted.get(j)))
                        .isNegative();
            }
        }
    }

    @Test
    void uniqueKeysOfEqualNormalizedValuesAreOneKey() {
        H2KeyValueType type = new H2KeyValueType();
        KeyValue fromInt = new KeyValue(1, "a").normalized();
        KeyValue fromDouble = new KeyValue(1.0, "a").normalized();

        assertThat(type.compare(fromInt, fromDouble)).isZero();
        assertThat(type.compare(new KeyValue(1, "a"), new KeyValue(1L, "a"))).isNotZero();
        assertThat(type.compare(new KeyValue("a"), new KeyValue("a", null))).isNegative();
    }

    private static List<@Nullable Object> mixedKeys() {
        return new ArrayList<>(Arrays.asList(
                null,
                Missing.getInstance(),
                MinKey.getInstance(),
                MaxKey.getInstance(),
                -1,
                0,
                1,
                1L,
                1.0,
                1.5,
                -0.0,
                Double.NaN,
                (1L << 60) + 1,
                (double) (1L << 60),
                new Decimal128(new BigDecimal("1.5")),
                "",
                "a",
                "b",
                "é",
                "evt_000000000000000000000001",
                new ObjectId("65f000000000000000000001"),
                new ObjectId("65f000000000000000000002"),
                false,
                true,
                DATE,
                DATE.plusMillis(1),
                new BinData(new byte[] {1}),
                new BinData(new byte[] {1, 2}),
                new UUID(1, 2),
                new UUID(1, 3),
                new BsonTimestamp(5),
                new Document("a", 1),
                new Document("a", 2),
                new Document("a", 1.0),
                new Document("a", List.of(1, 2)),
                new Document("a", List.of(1, 3)),
                new Document("b", 1),
                new ArrayList<>(List.of(1, 2)),
                new ArrayList<>(List.of(1, 3))));
    }

    private static String describe(@Nullable Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static <T> T roundTrip(DataType<T> type, T value, boolean direct) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer().flip();
        Function<Integer, ByteBuffer> allocate = direct ? ByteBuffer::allocateDirect : ByteBuffer::allocate;
        ByteBuffer page = allocate.apply(written.remaining() + 3).put(new byte[] {9, 9, 9});
        page.put(written).flip().position(3);
        T read = type.read(page);
        assertThat(page.remaining()).as("bytes left after reading %s", value).isZero();
        return read;
    }
}
