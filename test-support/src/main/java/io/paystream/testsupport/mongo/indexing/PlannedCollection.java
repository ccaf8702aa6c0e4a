package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A collection whose queries go through the {@link QueryPlanner}: both backends' collections, which can only share
 * this by an interface (each extends its backend's own collection class). mongo-java-server routes every read through
 * {@code queryDocuments}: finds, counts, distinct, and the lookups of updates, deletes and findAndModify.
 */
interface PlannedCollection<P> extends MongoCollection<P> {

    CollectionScanLog scanLog();

    /** mongo-java-server's {@code matchDocuments} over the given positions: the whole query applied to each. */
    QueryResult matchPositions(
            Document query,
            Iterable<P> positions,
            @Nullable Document orderBy,
            int skip,
            int limit,
            int batchSize,
            @Nullable Document fieldSelector);

    /** mongo-java-server's own {@code queryDocuments}: a collection scan here. */
    QueryResult scan(
            Document query,
            @Nullable Document orderBy,
            int skip,
            int limit,
            int batchSize,
            @Nullable Document fieldSelector);

    default QueryResult planAndQuery(
            Document query,
            @Nullable Document orderBy,
            int skip,
            int limit,
            int batchSize,
            @Nullable Document fieldSelector) {
        QueryPlan<P> plan = QueryPlanner.plan(getIndexes(), query, orderBy, limit);
        if (plan == null) {
            scanLog().record(getFullName(), query, count());
            return scan(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        Counted<P> positions = new Counted<>(plan.positions());
        // an exact _id lookup needs no second check: every document its index finds matches
        Document filter = IdLookup.exact(query) ? new Document() : query;
        QueryResult result = matchPositions(
                filter, positions, plan.ordered() ? null : orderBy, skip, limit, batchSize, fieldSelector);
        if (positions.read() > CollectionScanLog.WIDE_READ) {
            scanLog().recordWideRead(getFullName(), query, positions.read());
        }
        return result;
    }

    /** Counts the positions a query read through its index: matchDocuments has collected its result when it returns. */
    final class Counted<T> implements Iterable<T> {
        private final Iterable<T> positions;
        private long read;

        Counted(Iterable<T> positions) {
            this.positions = positions;
        }

        long read() {
            return read;
        }

        @Override
        public java.util.Iterator<T> iterator() {
            java.util.Iterator<T> inner = positions.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public T next() {
                    read++;
                    return inner.next();
                }
            };
        }
    }
}
