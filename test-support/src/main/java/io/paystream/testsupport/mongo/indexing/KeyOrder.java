package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order of the H2 backend's keys ({@code _id}s, unique index keys): mongo-java-server's {@link ValueComparator}
 * (Mongo's order, so a collection scan reads documents by {@code _id}), refined where that comparator holds unequal
 * values equal (1 and 1.0, null and missing, arrays compared by their smallest element): by Java type, then by BSON
 * bytes. An MVMap finds a key by {@code compare == 0}, so this is 0 exactly when the keys are {@code equals}, as
 * in the hash maps of mongo-java-server's memory backend ({@code KeyValue.equals}).
 */
final class KeyOrder implements Comparator<@Nullable Object> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private static final ValueComparator VALUES = ValueComparator.asc();

    private KeyOrder() {}

    @Override
    public int compare(@Nullable Object a, @Nullable Object b) {
        Integer plain = PlainValueOrder.comparePlain(a, b);
        if (plain != null) {
            return plain;
        }
        int comparison = VALUES.compare(a, b);
        if (comparison != 0 || Objects.equals(a, b)) {
            return comparison;
        }
        comparison = typeName(a).compareTo(typeName(b));
        if (comparison != 0) {
            return comparison;
        }
        return Arrays.compareUnsigned(BsonValues.bytes(a), BsonValues.bytes(b));
    }

    private static String typeName(@Nullable Object value) {
        return value == null ? "" : value.getClass().getName();
    }
}
