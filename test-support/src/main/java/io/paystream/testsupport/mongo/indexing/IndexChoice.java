package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How one secondary index can answer a query: its leading keys matched by equalities (every combination of their
 * values a seek point, at most {@value #MAX_POINTS}), then a range on the next key, walked in the sort order when it
 * gives it.
 *
 * <p>Multikey keys are used with care, since mongo-java-server zips arrays under one path into entries and lets
 * different array elements satisfy different conditions: after one multikey key in the prefix no further multikey key
 * joins it, and a range on a multikey key keeps one bound only.
 */
record IndexChoice<P>(
        SecondaryIndex<P> index,
        int prefix,
        List<List<Object>> points,
        @Nullable Bound lower,
        @Nullable Bound upper,
        boolean ordered,
        boolean reverse) {

    static final int MAX_POINTS = 1_000;

    /** Null when the index does not narrow the query (or, being sparse, may miss a match). */
    static <P> @Nullable IndexChoice<P> of(SecondaryIndex<P> index, Conditions conditions, @Nullable Document orderBy) {
        List<IndexKey> keys = index.getKeys();
        List<List<Object>> points = List.of(List.of());
        int prefix = 0;
        boolean multikeyUsed = false;
        while (prefix < keys.size()) {
            FieldCondition condition = conditions.field(keys.get(prefix).getKey());
            boolean irregular = index.isIrregular(prefix);
            if (condition == null
                    || condition.points() == null
                    || (irregular && multikeyUsed)
                    || (long) points.size() * condition.points().size() > MAX_POINTS) {
                break;
            }
            points = product(points, condition.points());
            multikeyUsed |= irregular;
            prefix++;
        }
        Bound lower = null;
        Bound upper = null;
        boolean plainRange = false;
        if (prefix < keys.size() && !(index.isIrregular(prefix) && multikeyUsed)) {
            String path = keys.get(prefix).getKey();
            FieldCondition condition = conditions.field(path);
            if (condition != null && condition.hasRange()) {
                plainRange = true;
                lower = condition.lower();
                upper = index.isIrregular(prefix) && lower != null ? null : condition.upper();
            } else if (!index.isIrregular(prefix)) {
                OrBounds derived = OrBounds.derive(conditions.ors(), path);
                if (derived != null) {
                    lower = derived.lower();
                    upper = derived.upper();
                }
            }
        }
        boolean narrows = prefix > 0 || lower != null || upper != null;
        // A sparse index lacks the documents without its keys: only a condition on its first key excludes those.
        if (!narrows || (index.sparse() && prefix == 0 && !plainRange)) {
            return null;
        }
        Boolean reverse = null;
        if (orderBy != null && !orderBy.isEmpty() && points.size() == 1) {
            reverse = SortOrder.reverse(orderBy, index, prefix);
        }
        return new IndexChoice<>(index, prefix, points, lower, upper, reverse != null, reverse != null && reverse);
    }

    /** The longer equality prefix; then the one giving the order; then the one with a range. */
    boolean betterThan(IndexChoice<?> other) {
        if (prefix != other.prefix) {
            return prefix > other.prefix;
        }
        if (ordered != other.ordered) {
            return ordered;
        }
        return hasRange() && !other.hasRange();
    }

    boolean hasRange() {
        return lower != null || upper != null;
    }

    QueryPlan<P> plan() {
        List<Supplier<Iterator<P>>> parts = new ArrayList<>(points.size());
        for (List<Object> point : points) {
            parts.add(() -> index.seek(point, lower, upper, reverse));
        }
        Iterable<P> positions = Positions.concat(parts);
        if (index.irregularKeys() != 0) {
            positions = Positions.distinct(positions);
        }
        return new QueryPlan<>(positions, ordered);
    }

    private static List<List<Object>> product(List<List<Object>> tuples, List<Object> values) {
        List<List<Object>> longer = new ArrayList<>(tuples.size() * values.size());
        for (List<Object> tuple : tuples) {
            for (Object value : values) {
                List<Object> point = new ArrayList<>(tuple);
                point.add(value);
                longer.add(point);
            }
        }
        return longer;
    }
}
