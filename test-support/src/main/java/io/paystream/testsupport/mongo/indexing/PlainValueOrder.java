package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Mongo's order of two values, as mongo-java-server's {@link ValueComparator} gives it, with the common case first: two
 * values of the same plain class compare directly. ValueComparator ranks each value's type by walking a list of
 * classes with {@code isAssignableFrom} on every comparison; inserting index entries compares a dozen times per
 * B-tree descent, and under the stack's load that walk was a tenth of the embedded server's CPU. For these classes
 * the direct comparison is the one ValueComparator makes after the walk (its integer and long normalization keeps
 * their order), and it is 0 exactly when the values are equal.
 */
final class PlainValueOrder {

    private static final ValueComparator VALUES = ValueComparator.asc();

    private PlainValueOrder() {}

    /** ValueComparator's ascending order. */
    static int compare(@Nullable Object a, @Nullable Object b) {
        Integer plain = comparePlain(a, b);
        return plain != null ? plain : VALUES.compare(a, b);
    }

    /** The order of two values of the same plain class; null when they are not, so that the caller decides. */
    static @Nullable Integer comparePlain(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return null;
        }
        if (a instanceof String x) {
            return x.compareTo((String) b);
        }
        if (a instanceof Long x) {
            return Long.compare(x, (Long) b);
        }
        if (a instanceof Integer x) {
            return Integer.compare(x, (Integer) b);
        }
        if (a instanceof Instant x) {
            return x.compareTo((Instant) b);
        }
        if (a instanceof ObjectId x) {
            return x.compareTo((ObjectId) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        return null;
    }
}
