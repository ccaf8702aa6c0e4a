package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A range on one field implied by an {@code $or} whose every branch bounds that field. Keyset pagination sends
 * {@code {$or: [{created: {$lt: d}}, {created: d, _id: {$lt: id}}, {created: null}]}}: every match has
 * {@code created <= d}, so page 2 to n seek to {@code d} instead of walking the pages before it.
 *
 * @param lower null: unbounded
 * @param upper null: unbounded
 */
record OrBounds(@Nullable Bound lower, @Nullable Bound upper) {

    private static final ValueComparator VALUES = ValueComparator.asc();

    /** The first {@code $or} whose branches all bound {@code path}, or null. */
    static @Nullable OrBounds derive(List<List<Document>> ors, String path) {
        for (List<Document> branches : ors) {
            OrBounds union = null;
            for (Document branch : branches) {
                OrBounds bounds = of(Conditions.of(branch).field(path));
                if (bounds == null) {
                    union = null;
                    break;
                }
                union = union == null ? bounds : union.or(bounds);
            }
            if (union != null && (union.lower != null || union.upper != null)) {
                return union;
            }
        }
        return null;
    }

    private static @Nullable OrBounds of(@Nullable FieldCondition condition) {
        if (condition == null) {
            return null;
        }
        List<Object> points = condition.points();
        if (points != null && !points.isEmpty()) {
            Object low = condition.nullPoint() ? null : points.get(0);
            return new OrBounds(new Bound(low, true), new Bound(points.get(points.size() - 1), true));
        }
        if (condition.nullPoint()) {
            return new OrBounds(new Bound(null, true), new Bound(null, true));
        }
        return condition.hasRange() ? new OrBounds(condition.lower(), condition.upper()) : null;
    }

    private OrBounds or(OrBounds other) {
        return new OrBounds(loosest(lower, other.lower, -1), loosest(upper, other.upper, 1));
    }

    /** The wider of two bounds on the same side ({@code side} 1: upper, -1: lower); null is unbounded. */
    private static @Nullable Bound loosest(@Nullable Bound a, @Nullable Bound b, int side) {
        if (a == null || b == null) {
            return null;
        }
        int comparison = Integer.signum(VALUES.compare(a.value(), b.value())) * side;
        if (comparison == 0) {
            return a.inclusive() ? a : b;
        }
        return comparison > 0 ? a : b;
    }
}
