package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainValueOrderTest {

    /** Values of every class the shortcut takes and of some it leaves to ValueComparator, with extremes and ties. */
    private static final List<Object> VALUES = values();

    private static List<Object> values() {
        List<Object> values = new ArrayList<>(List.of(
                "",
                "a",
                "B",
                "ab",
                "é",
                "\uD83D\uDE00",
                "pi_10",
                "pi_9",
                Long.MIN_VALUE,
                -1L,
                0L,
                1L,
                (1L << 53) + 1,
                1L << 53,
                Long.MAX_VALUE,
                Integer.MIN_VALUE,
                -1,
                0,
                1,
                Integer.MAX_VALUE,
                Instant.EPOCH,
                Instant.parse("2026-12-07T12:00:00.123Z"),
                Instant.parse("2026-12-07T12:00:00.124Z"),
                new ObjectId(),
                new ObjectId(),
                true,
                false,
                1.0,
                -0.0,
                Double.NaN,
                2.5,
                new Document("a", 1),
                List.of(1, 2),
                Missing.getInstance()));
        values.add(null);
        values.add("a"); // an equal but distinct instance
        values.add(1L);
        return values;
    }

    @Test
    void ordersEveryPairAsMongoJavaServerDoes() {
        ValueComparator mongoOrder = ValueComparator.asc();
        for (Object a : VALUES) {
            for (Object b : VALUES) {
                assertThat(Integer.signum(PlainValueOrder.compare(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(mongoOrder.compare(a, b)));
            }
        }
    }

    @Test
    void takesTheShortcutOnlyForTwoValuesOfOnePlainClassAndIsZeroExactlyWhenEqual() {
        for (Object a : VALUES) {
            for (Object b : VALUES) {
                Integer plain = PlainValueOrder.comparePlain(a, b);
                boolean sameClass = a != null && b != null && a.getClass() == b.getClass();
                boolean plainClass = a instanceof String
                        || a instanceof Long
                        || a instanceof Integer
                        || a instanceof Instant
                        || a instanceof ObjectId
                        || a instanceof Boolean;
                assertThat(plain != null).as("%s vs %s", a, b).isEqualTo(sameClass && plainClass);
                if (plain != null) {
                    assertThat(plain == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                }
            }
        }
    }
}
