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

    /**
     * {@code $gt}/{@code $gte}, bounded above by the end of the value's type where it has one: a comparison matches
     * only values of its own type (MongoDB's type brackets), so a range on dates need not read past the last date.
     */
    static FieldCondition lower(@Nullable Object value, boolean inclusive) {
        Object normalized = IndexValues.normalize(value);
        return IndexValues.isScalar(normalized)
                ? new FieldCondition(null, false, new Bound(normalized, inclusive), TypeBracket.end(normalized))
                : NONE;
    }

    /**
     * {@code $lt}/{@code $lte}, bounded below by the start of the value's type where it has one: without it,
     * {@code {"outbox.at": {$lte: now}}} read every null entry first, i.e. every document whose outbox was empty.
     */
    static FieldCondition upper(@Nullable Object value, boolean inclusive) {
        Object normalized = IndexValues.normalize(value);
        return IndexValues.isScalar(normalized)
                ? new FieldCondition(null, false, TypeBracket.start(normalized), new Bound(normalized, inclusive))
                : NONE;
    }

    /** Both must hold: the smaller equality, the higher lower bound and the lower upper bound. */
    FieldCondition and(FieldCondition other) {
        List<Object> mergedPoints = points;
        if (mergedPoints == null || (other.points != null && other.points.size() < mergedPoints.size())) {
            mergedPoints = other.points;
        }
        return new FieldCondition(
                mergedPoints,
                nullPoint || other.nullPoint,
                tighter(lower, other.lower, 1),
                tighter(upper, other.upper, -1));
    }

    /** The bound that admits less: the greater of two lower bounds ({@code sign} 1), the lesser of two upper ones. */
    private static @Nullable Bound tighter(@Nullable Bound a, @Nullable Bound b, int sign) {
        if (a == null || b == null || a.value() == null || b.value() == null) {
            return a != null ? a : b;
        }
        int comparison = ValueComparator.asc().compare(a.value(), b.value()) * sign;
        if (comparison != 0) {
            return comparison > 0 ? a : b;
        }
        return a.inclusive() ? b : a;
    }

    boolean hasRange() {
        return lower != null || upper != null;
    }
}
