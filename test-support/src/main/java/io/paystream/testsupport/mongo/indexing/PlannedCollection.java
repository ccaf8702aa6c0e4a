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
        return matchPositions(
                query, plan.positions(), plan.ordered() ? null : orderBy, skip, limit, batchSize, fieldSelector);
    }
}
