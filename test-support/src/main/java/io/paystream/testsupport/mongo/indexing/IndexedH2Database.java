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
 * The H2 backend's database: planned collections with secondary indexes persisted in the MVStore. User collections
 * are stored without Java serialization ({@link StorageFormat}): documents as BSON ({@link H2DocumentType}), keys and
 * unique indexes typed ({@link H2KeyType}, {@link H2TypedUniqueIndex}). The server's own {@code system.*} collections,
 * a few small documents, keep mongo-java-server's format.
 */
class IndexedH2Database extends H2Database {

    /**
     * H2Database's map names for a collection's documents and metadata: H2Backend finds a file's databases by the
     * first, and H2Database drops and renames both by name. The file's format marker tells which format they hold.
     */
    private static final String DATA_PREFIX = "databases.";

    private static final String META_PREFIX = "meta.";

    /**
     * Other names than H2Database's {@code ._index_}, whose Java-serialized unique keys these replace; the versions
     * name the entry formats ({@link StorageFormat#VERSION}).
     */
    private static final String SECONDARY_INDEX_INFIX = "._secondary_v2_";

    private static final String UNIQUE_INDEX_INFIX = "._unique_v2_";

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
        MVMap<Object, Document> data = store.openMap(
                DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(new H2KeyType()).valueType(new H2DocumentType()));
        MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
        return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry, scans);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        if (collectionName.startsWith("system.")) {
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
        String mapName = getFullCollectionNamespace(collectionName) + UNIQUE_INDEX_INFIX + indexName;
        return new H2TypedUniqueIndex(store, mapName, indexName, keys, sparse);
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
