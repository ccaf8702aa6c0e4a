package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;
import java.util.function.Supplier;

/**
 * The memory backend's database: planned collections with real secondary indexes. The server's own {@code system.*}
 * collections stay as they were.
 */
class IndexedMemoryDatabase extends MemoryDatabase {

    private final Supplier<CollectionScanLog> scans;

    IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry, Supplier<CollectionScanLog> scans) {
        super(databaseName, cursorRegistry);
        this.scans = scans;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        if (collectionName.startsWith("system.")) {
            return super.openOrCreateCollection(collectionName, options);
        }
        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry, scans);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MongoCollection<Integer> collection = resolveCollection(collectionName, false);
        if (collection instanceof IndexedMemoryCollection planned) {
            return new MemorySecondaryIndex(indexName, keys, sparse, planned::positionOf);
        }
        return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    }
}
