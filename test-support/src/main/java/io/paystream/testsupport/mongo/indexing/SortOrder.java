package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether walking an index gives a query's sort order, and in which direction. After an equality prefix that matches
 * one point, the sort keys (minus those the prefix fixes) must be the next index keys, in the same directions or all
 * reversed. Keys that ever held an array or a non-scalar value are out: mongo-java-server sorts an array by its
 * smallest or largest element, which an index walk does not reproduce.
 */
final class SortOrder {

    private SortOrder() {}

    /** True: walk backwards; false: forwards; null: the walk does not give this order. */
    static @Nullable Boolean reverse(Document orderBy, SecondaryIndex<?> index, int prefix) {
        List<IndexKey> keys = index.getKeys();
        Set<String> fixed = new HashSet<>();
        for (int i = 0; i < prefix; i++) {
            if (!index.isIrregular(i)) {
                fixed.add(keys.get(i).getKey());
            }
        }
        int next = prefix;
        Boolean reverse = null;
        for (Map.Entry<String, Object> sortKey : orderBy.entrySet()) {
            if (!(sortKey.getValue() instanceof Number direction)) {
                return null;
            }
            if (fixed.contains(sortKey.getKey())) {
                continue;
            }
            if (next == keys.size() || !keys.get(next).getKey().equals(sortKey.getKey()) || index.isIrregular(next)) {
                return null;
            }
            // mongo-java-server's DocumentComparator: ascending when the number is above 0
            boolean sameDirection = (direction.intValue() > 0) == keys.get(next).isAscending();
            if (reverse == null) {
                reverse = !sameDirection;
            } else if (reverse == sameDirection) {
                return null;
            }
            next++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }
}
