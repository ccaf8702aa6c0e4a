package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Collection;

/**
 * A query the {@code _id} index answers exactly: {@code {_id: v}} or {@code {_id: {$in: [...]}}} with string or
 * ObjectId values and nothing else. Every document the index finds for it matches, so the matcher need not check it
 * again; mongo-java-server's matcher checks {@code $in} by comparing with each listed value in turn, which for the
 * services' batch reads (up to 500 ids, 500 documents) was about a quarter of catalog-sync's event path's CPU.
 */
final class IdLookup {

    private IdLookup() {}

    static boolean exact(Document query) {
        if (query.size() != 1 || !query.containsKey("_id")) {
            return false;
        }
        Object value = query.get("_id");
        if (value instanceof Document operators) {
            return operators.size() == 1
                    && operators.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(IdLookup::plainId);
        }
        return plainId(value);
    }

    /** Strings and ObjectIds: equal in MongoDB exactly when equal in Java, unlike numbers (1 and 1.0) or documents. */
    private static boolean plainId(Object value) {
        return value instanceof String || value instanceof ObjectId;
    }
}
