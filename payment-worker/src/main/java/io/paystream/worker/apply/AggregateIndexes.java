package io.paystream.worker.apply;

import com.mongodb.client.MongoDatabase;
import io.paystream.support.outbox.OutboxDocuments;
import java.util.List;
import org.bson.Document;

/** Creates the indexes the engine, the sweeper and the query side rely on; idempotent, run at start-up. */
public final class AggregateIndexes {

    private AggregateIndexes() {}

    public static void ensure(MongoDatabase database, List<Projection> projections) {
        for (Projection projection : projections) {
            var collection = database.getCollection(projection.collection());
            // The sweeper finds documents with domain events left behind through this index.
            OutboxDocuments.ensureIndex(collection);
            for (Document keys : projection.indexes()) {
                collection.createIndex(keys);
            }
        }
    }
}
