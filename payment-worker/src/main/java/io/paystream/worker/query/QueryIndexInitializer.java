package io.paystream.worker.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates every query index once the services are known, before the web server takes requests. {@code createIndex}
 * is idempotent for the same name and keys, so every instance does it on every start.
 */
@Component
class QueryIndexInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(QueryIndexInitializer.class);

    private final MongoDatabase database;
    private final List<IndexedQueries> queries;

    QueryIndexInitializer(MongoDatabase database, List<IndexedQueries> queries) {
        this.database = database;
        this.queries = queries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int created = 0;
        for (IndexedQueries service : queries) {
            for (QueryIndex index : service.indexes()) {
                database.getCollection(index.collection())
                        .createIndex(index.keys(), new IndexOptions().name(index.name()));
                created++;
            }
        }
        log.info("query indexes ensured: {}", created);
    }
}
