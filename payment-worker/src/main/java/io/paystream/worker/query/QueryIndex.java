package io.paystream.worker.query;

import org.bson.Document;

/**
 * An index a query needs.
 *
 * @param collection the aggregate collection
 * @param name an explicit name, prefixed {@code q_}, so the engine's own indexes are never clashed with
 * @param keys the key document, equality fields first, then {@link CursorPaging#SORT_KEYS}
 */
public record QueryIndex(String collection, String name, Document keys) {

    /** A list index: {@code livemode}, then the given equality fields, then the sort keys. */
    public static QueryIndex forList(String collection, String name, String... equalityFields) {
        Document keys = new Document();
        for (String field : equalityFields) {
            keys.append(field, 1);
        }
        keys.append(io.paystream.worker.apply.StoredFields.LIVEMODE, 1);
        keys.putAll(CursorPaging.SORT_KEYS);
        return new QueryIndex(collection, name, keys);
    }
}
