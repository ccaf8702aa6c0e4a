package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An estimate of a decoded value's heap size, for MVStore's page cache: the cache counts what its types report, so an
 * estimate of the BSON bytes (a third of the objects it decodes to) would let the cache hold three times its bound.
 * A walk without encoding: H2 asks for every value of every page it reads.
 */
final class HeapSize {

    private static final int OBJECT = 16;
    private static final int REFERENCE = 4;
    private static final int STRING = 24 + 16;
    private static final int MAP = 16 + 48 + 16;
    private static final int MAP_ENTRY = 40;
    private static final int LIST = 24 + 16;

    private HeapSize() {}

    static int of(@Nullable Object value) {
        if (value == null || value instanceof Boolean) {
            return 0;
        }
        if (value instanceof String string) {
            return STRING + align(string.length());
        }
        if (value instanceof Map<?, ?> map) {
            int size = MAP + 2 * REFERENCE * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += MAP_ENTRY + of(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = LIST + REFERENCE * list.size();
            for (Object element : list) {
                size += of(element);
            }
            return size;
        }
        if (value instanceof Instant || value instanceof Long || value instanceof Double || value instanceof Integer) {
            return 24;
        }
        if (value instanceof ObjectId) {
            return OBJECT + 8 + 16 + 16;
        }
        if (value instanceof BinData data) {
            return OBJECT + 8 + 16 + align(data.getData().length);
        }
        return 48;
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }
}
