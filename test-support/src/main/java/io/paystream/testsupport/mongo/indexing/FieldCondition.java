package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the conjuncts of a query require of one field, as far as an index can use it. Any one of these is a necessary
 * condition, which is all an index seek needs: the matcher re-applies the whole query to every document it returns.
 *
 * @param points the values the field must equal ({@code {f: v}}, {@code $eq}, {@code $in}), normalized, distinct, in
 *     ascending order; null when no usable equality
 * @param nullPoint the field must be null or missing ({@code {f: null}}): no seek point (missing documents), but a
 *     bound for an {@code $or} branch
 */
record FieldCondition(
        @Nullable List<Object> points,
        boolean nullPoint,
        @Nullable Bound lower,
        @Nullable Bound upper) {

    static final FieldCondition NONE = new FieldCondition(null, false, null, null);

    static FieldCondition equality(@Nullable Object value) {
        Object normalized = IndexValues.normalize(value);
        if (normalized == null) {
            return new FieldCondition(null, true, null, null);
        }
        return IndexValues.isScalar(normalized) ? new FieldCondition(List.of(normalized), false, null, null) : NONE;
    }

    /** {@code $in}: usable when every value is a scalar; a null or a regular expression may match what no seek finds. */
    static FieldCondition in(Collection<?> values) {
        TreeSet<Object> points = new TreeSet<>(ValueComparator.asc());
        for (Object value : values) {
            Object normalized = IndexValues.normalize(value);
            if (!IndexValues.isScalar(normalized)) {
                return NONE;
            }
            points.add(normalized);
        }
        return new FieldCondition(new ArrayList<>(points), false, null, null);
    }

    static FieldCondition lower(@Nullable Object value, boolean inclusive) {
        Object normalized = IndexValues.normalize(value);
        return IndexValues.isScalar(normalized)
                ? new FieldCondition(null, false, new Bound(normalized, inclusive), null)
                : NONE;
    }

    static FieldCondition upper(@Nullable Object value, boolean inclusive) {
        Object normalized = IndexValues.normalize(value);
        return IndexValues.isScalar(normalized)
                ? new FieldCondition(null, false, null, new Bound(normalized, inclusive))
                : NONE;
    }

    /** Both must hold; keeping either one's part is a superset, so the smaller equality and the first bounds win. */
    FieldCondition and(FieldCondition other) {
        List<Object> mergedPoints = points;
        if (mergedPoints == null || (other.points != null && other.points.size() < mergedPoints.size())) {
            mergedPoints = other.points;
        }
        return new FieldCondition(
                mergedPoints,
                nullPoint || other.nullPoint,
                lower != null ? lower : other.lower,
                upper != null ? upper : other.upper);
    }

    boolean hasRange() {
        return lower != null || upper != null;
    }
}
