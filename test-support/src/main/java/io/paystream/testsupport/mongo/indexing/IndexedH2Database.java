package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database: planned collections with secondary indexes persisted in the MVStore. The server's own
 * {@code system.*} collections stay as they were.
 */
class IndexedH2Database extends H2Database {

    /** H2Database's map names for a collection's documents and metadata: a reopened file must find its data. */
    private static final String DATA_PREFIX = "databases.";

    private static final String META_PREFIX = "meta.";

    /** Another name than H2Database's unique {@code ._index_}; the version names the entry format. */
    private static final String SECONDARY_INDEX_INFIX = "._secondary_v1_";

    private final MVStore store;
    private final Supplier<CollectionScanLog> scans;
    private final boolean constructed;

    IndexedH2Database(
            String databaseName, MVStore store, CursorRegistry cursorRegistry, Supplier<CollectionScanLog> scans) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        this.scans = scans;
        this.constructed = true;
        super.initializeNamespacesAndIndexes();
    }

    /**
     * H2Database's constructor calls this before this subclass's fields are set, and on a reopened file it opens the
     * user collections and their indexes, which need them: it runs once they are set, from this constructor.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (constructed) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        if (collectionName.startsWith("system.")) {
            return super.openOrCreateCollection(collectionName, options);
        }
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName);
        MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
        return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry, scans);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        if (collection instanceof IndexedH2Collection planned) {
            String mapName = getFullCollectionNamespace(collectionName) + SECONDARY_INDEX_INFIX + indexName;
            return new H2SecondaryIndex(store, mapName, indexName, keys, sparse, planned::positionOf);
        }
        return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    }
}
