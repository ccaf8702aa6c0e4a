package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the index that answers a query, where mongo-java-server only uses a unique index whose keys equal the
 * query's keys (so {@code {$and: [{_id: x}, {version: 3}]}} reads the whole collection). In order:
 *
 * <ol>
 *   <li>a unique index (the {@code _id} index included) whose every key is matched by equalities;
 *   <li>the secondary index with the longest equality prefix; on a tie, the one that gives the sort order, then the
 *       one with a range on its next key (a range of the query's own, or one every branch of an {@code $or} implies);
 *   <li>for an {@code $or} whose every branch has such an equality plan: the union of the branches' documents;
 *   <li>with a sort and a limit: an index whose keys give the sort order, walked until the limit is reached.
 * </ol>
 *
 * Otherwise, or for a {@code $natural} sort, none: the collection is scanned, as before. An index only narrows the
 * documents; the matcher applies the whole query to each of them.
 */
final class QueryPlanner {

    private QueryPlanner() {}

    static <P> @Nullable QueryPlan<P> plan(
            List<Index<P>> indexes, Document query, @Nullable Document orderBy, int limit) {
        boolean sorted = orderBy != null && !orderBy.isEmpty();
        if (sorted && orderBy.keySet().iterator().next().equals("$natural")) {
            return null;
        }
        Conditions conditions = Conditions.of(query);
        if (!conditions.valid()) {
            return null;
        }
        QueryPlan<P> plan = seek(indexes, conditions, orderBy, false);
        if (plan == null) {
            plan = union(indexes, conditions);
        }
        if (plan == null && sorted && limit > 0) {
            plan = orderedWalk(indexes, orderBy);
        }
        return plan;
    }

    private static <P> @Nullable QueryPlan<P> seek(
            List<Index<P>> indexes, Conditions conditions, @Nullable Document orderBy, boolean equalityOnly) {
        for (Index<P> index : indexes) {
            if (index instanceof AbstractUniqueIndex<P> unique) {
                QueryPlan<P> lookup = lookup(unique, conditions);
                if (lookup != null) {
                    return lookup;
                }
            }
        }
        IndexChoice<P> best = null;
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                IndexChoice<P> choice = IndexChoice.of(secondary, conditions, orderBy);
                if (choice != null
                        && (!equalityOnly || choice.prefix() > 0)
                        && (best == null || choice.betterThan(best))) {
                    best = choice;
                }
            }
        }
        return best == null ? null : best.plan();
    }

    /** The unique index's positions for every combination of the equalities on all its keys. */
    private static <P> @Nullable QueryPlan<P> lookup(AbstractUniqueIndex<P> index, Conditions conditions) {
        List<Document> points = List.of(new Document());
        for (IndexKey key : index.getKeys()) {
            FieldCondition condition = conditions.field(key.getKey());
            if (condition == null
                    || condition.points() == null
                    || (long) points.size() * condition.points().size() > IndexChoice.MAX_POINTS) {
                return null;
            }
            List<Document> longer = new ArrayList<>();
            for (Document point : points) {
                for (Object value : condition.points()) {
                    longer.add(point.clone().append(key.getKey(), value));
                }
            }
            points = longer;
        }
        List<Supplier<Iterator<P>>> parts = new ArrayList<>(points.size());
        for (Document point : points) {
            parts.add(() -> index.getPositions(point).iterator());
        }
        // One point finds at most one document: trivially in order. Several may find one (multikey) document twice.
        return points.size() == 1
                ? new QueryPlan<>(Positions.concat(parts), true)
                : new QueryPlan<>(Positions.distinct(Positions.concat(parts)), false);
    }

    /** Each branch together with the other conjuncts; every branch needs an equality plan. */
    private static <P> @Nullable QueryPlan<P> union(List<Index<P>> indexes, Conditions conditions) {
        Conditions others = conditions.withoutOrs();
        for (List<Document> branches : conditions.ors()) {
            List<Supplier<Iterator<P>>> parts = new ArrayList<>(branches.size());
            for (Document branch : branches) {
                QueryPlan<P> plan = seek(indexes, others.and(Conditions.of(branch)), null, true);
                if (plan == null) {
                    parts = null;
                    break;
                }
                parts.add(plan.positions()::iterator);
            }
            if (parts != null) {
                return new QueryPlan<>(Positions.distinct(Positions.concat(parts)), false);
            }
        }
        return null;
    }

    private static <P> @Nullable QueryPlan<P> orderedWalk(List<Index<P>> indexes, Document orderBy) {
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary && !secondary.sparse()) {
                Boolean reverse = SortOrder.reverse(orderBy, secondary, 0);
                if (reverse != null) {
                    return new IndexChoice<>(secondary, 0, List.of(List.of()), null, null, true, reverse).plan();
                }
            }
        }
        return null;
    }
}
