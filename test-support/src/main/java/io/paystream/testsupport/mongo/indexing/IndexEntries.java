package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The entries one document gives an index: one per combination of its key values ({@link Index#getKeyValues} expands
 * arrays), each {@code [normalized values..., position]}, and which keys were irregular (an array, or a value that is
 * no {@linkplain IndexValues#isScalar scalar}, which an entry holds as null).
 *
 * @param entries distinct in the index's order; empty only when a sparse index skips the document
 */
record IndexEntries(Set<Object[]> entries, long irregularKeys) {

    static IndexEntries of(SecondaryIndex<?> index, Document document, Object position) {
        List<String> keys = index.keyPaths();
        Object[] raw = new Object[keys.size()];
        boolean anyValue = false;
        long arrays = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = value(document, keys.get(i));
            anyValue |= !(raw[i] instanceof Missing) && !throughEmptyArray(document, keys.get(i));
            if (raw[i] instanceof Collection) {
                arrays |= 1L << i;
            }
        }
        TreeSet<Object[]> entries = new TreeSet<>(index.order());
        if (!anyValue && index.sparse()) {
            return new IndexEntries(entries, 0);
        }
        @Nullable List<Object> plain = arrays == 0 ? normalized(raw) : null;
        if (plain != null && plain.stream().allMatch(value -> value == null || IndexValues.isScalar(value))) {
            // the usual document: one entry, built without the combinations below (a third of the server's
            // allocations under the stack's load)
            Object[] entry = plain.toArray(new Object[raw.length + 1]);
            entry[raw.length] = position;
            entries.add(entry);
            return new IndexEntries(entries, 0);
        }
        List<List<Object>> tuples = plain != null ? List.of(plain) : expanded(index, document, raw);
        long irregular = arrays;
        for (List<Object> tuple : tuples) {
            List<List<Object>> choices = new ArrayList<>(raw.length);
            for (int i = 0; i < raw.length; i++) {
                Object value = tuple.get(i);
                if (value == null || IndexValues.isScalar(value)) {
                    choices.add(Collections.singletonList(value));
                } else {
                    irregular |= 1L << i;
                    choices.add(irregularChoices(value));
                }
            }
            for (List<Object> values : combinations(choices)) {
                Object[] entry = values.toArray(new Object[raw.length + 1]);
                entry[raw.length] = position;
                entries.add(entry);
            }
        }
        return new IndexEntries(entries, irregular);
    }

    /**
     * A dotted key whose first field is an empty array ({@code outbox.at} of {@code outbox: []}) has no value: a sparse
     * index skips such a document as MongoDB's does, instead of holding a null entry for every aggregate whose outbox a
     * relay emptied. No planned query seeks null in a sparse index ({@link FieldCondition#nullPoint} gives no point).
     */
    private static boolean throughEmptyArray(Document document, String key) {
        int dot = key.indexOf('.');
        return dot > 0 && document.get(key.substring(0, dot)) instanceof Collection<?> array && array.isEmpty();
    }

    /**
     * The key's value as mongo-java-server's index reads it; a top-level field directly, without the path split (a
     * regular expression) it costs on every write of every index otherwise.
     */
    static Object value(Document document, String key) {
        return key.indexOf('.') < 0
                ? document.getOrMissing(key)
                : Utils.getSubdocumentValueCollectionAware(document, key);
    }

    /**
     * What stands for a value that is no scalar: null, and for an array nested in an array its scalar elements too,
     * which mongo-java-server's {@code $in} matches (equality and ranges do not): more entries, never a missed match.
     */
    private static List<Object> irregularChoices(Object value) {
        List<Object> choices = new ArrayList<>();
        choices.add(null);
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                Object normalized = IndexValues.normalize(element);
                if (IndexValues.isScalar(normalized)) {
                    choices.add(normalized);
                }
            }
        }
        return choices;
    }

    private static List<Object> normalized(Object[] raw) {
        List<Object> values = new ArrayList<>(raw.length);
        new KeyValue(Arrays.asList(raw)).normalized().forEach(values::add);
        return values;
    }

    /**
     * mongo-java-server's multikey expansion. It rejects parallel arrays and gives no entry for an empty array; a
     * non-unique index must still find such a document (mongo-java-server stores it), so then every combination of
     * the arrays' elements is indexed, an empty array as null: more entries, never a missed document.
     */
    private static List<List<Object>> expanded(SecondaryIndex<?> index, Document document, Object[] raw) {
        try {
            Set<KeyValue> keyValues = index.getKeyValues(document);
            if (!keyValues.isEmpty()) {
                List<List<Object>> tuples = new ArrayList<>(keyValues.size());
                for (KeyValue keyValue : keyValues) {
                    List<Object> tuple = new ArrayList<>(keyValue.size());
                    keyValue.forEach(tuple::add);
                    tuples.add(tuple);
                }
                return tuples;
            }
        } catch (RuntimeException rejected) {
            // parallel arrays (CannotIndexParallelArraysError) or arrays of unequal length: combined below
        }
        List<List<Object>> choices = new ArrayList<>(raw.length);
        for (Object value : raw) {
            List<Object> values = new ArrayList<>();
            if (value instanceof Collection<?> elements) {
                elements.forEach(element -> values.add(IndexValues.normalize(element)));
                if (values.isEmpty()) {
                    values.add(null);
                }
            } else {
                values.add(IndexValues.normalize(value));
            }
            choices.add(values);
        }
        return combinations(choices);
    }

    /** Every combination of one value per key. */
    private static List<List<Object>> combinations(List<List<Object>> choices) {
        List<List<Object>> tuples = List.of(List.of());
        for (List<Object> values : choices) {
            List<List<Object>> longer = new ArrayList<>(tuples.size() * values.size());
            for (List<Object> tuple : tuples) {
                for (Object value : values) {
                    List<Object> combined = new ArrayList<>(tuple);
                    combined.add(value);
                    longer.add(combined);
                }
            }
            tuples = longer;
        }
        return tuples;
    }
}
