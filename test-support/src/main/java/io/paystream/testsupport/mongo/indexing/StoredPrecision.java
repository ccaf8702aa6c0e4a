package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Values as the BSON document store reads them back: dates to the millisecond. mongo-java-server creates dates with
 * microseconds itself ({@code $currentDate}, {@code $$NOW}); an index entry written from such an in-memory document
 * would not be found again from the same document read back from the file (its update or removal would leave the
 * entry behind). So the H2 backend truncates a document it stores, and its indexes truncate the values they hold.
 */
final class StoredPrecision {

    private StoredPrecision() {}

    static boolean isFiner(@Nullable Object value) {
        return value instanceof Instant instant && instant.getNano() % 1_000_000 != 0;
    }

    static @Nullable Object of(@Nullable Object value) {
        return isFiner(value) ? ((Instant) value).truncatedTo(ChronoUnit.MILLIS) : value;
    }

    static KeyValue of(KeyValue key) {
        for (Object value : key) {
            if (isFiner(value)) {
                List<@Nullable Object> values = new ArrayList<>(key.size());
                key.forEach(each -> values.add(of(each)));
                return new KeyValue(values);
            }
        }
        return key;
    }

    /** An index entry; a copy when it held a finer date. */
    static Object[] of(Object[] entry) {
        Object[] stored = entry;
        for (int i = 0; i < entry.length; i++) {
            if (isFiner(entry[i])) {
                stored = stored == entry ? entry.clone() : stored;
                stored[i] = of(entry[i]);
            }
        }
        return stored;
    }

    /** Truncates the dates of {@code document} in place, nested ones included. */
    @SuppressWarnings("unchecked")
    static void truncate(Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            Object value = field.getValue();
            if (isFiner(value)) {
                field.setValue(of(value));
            } else if (value instanceof Document nested) {
                truncate(nested);
            } else if (value instanceof List<?> list) {
                truncate((List<Object>) list);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void truncate(List<Object> list) {
        for (ListIterator<Object> elements = list.listIterator(); elements.hasNext(); ) {
            Object value = elements.next();
            if (isFiner(value)) {
                elements.set(of(value));
            } else if (value instanceof Document nested) {
                truncate(nested);
            } else if (value instanceof List<?> inner) {
                truncate((List<Object>) inner);
            }
        }
    }
}
