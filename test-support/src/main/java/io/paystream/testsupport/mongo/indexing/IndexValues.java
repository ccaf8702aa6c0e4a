package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The values an index entry holds and a seek may look for. mongo-java-server compares values with its
 * {@code ValueComparator} and matches equality on normalized values ({@code Utils.normalizeValue}: every number a
 * double, null and missing both null); an index uses both, so that an index order and a match never disagree.
 */
final class IndexValues {

    private IndexValues() {}

    /** {@code Utils.normalizeValue}, which mongo-java-server keeps package-private; {@link KeyValue} exposes it. */
    static @Nullable Object normalize(@Nullable Object value) {
        return new KeyValue(Collections.singletonList(value)).normalized().get(0);
    }

    /**
     * A normalized value whose order and equality agree under mongo-java-server's comparator: entries and seek points
     * are limited to these. Documents and arrays (compared by key order or by their smallest element, one of them not
     * even reflexive for empty arrays), regular expressions, NaN (which orders differently against longs and doubles)
     * and exotic types are not: an entry holds null instead and its key is marked irregular, and a query on such a
     * value finds no index.
     */
    static boolean isScalar(@Nullable Object normalized) {
        if (normalized instanceof Double number) {
            return !number.isNaN();
        }
        return normalized instanceof Long
                || normalized instanceof String
                || normalized instanceof Boolean
                || normalized instanceof Instant
                || normalized instanceof ObjectId
                || normalized instanceof UUID
                || normalized instanceof BsonTimestamp
                || normalized instanceof BinData;
    }
}
