package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The memory backend's collection, its queries planned. */
class IndexedMemoryCollection extends MemoryCollection implements PlannedCollection<Integer> {

    /**
     * No running data size: mongo-java-server BSON-encodes the whole document (twice on an update, old and new) only
     * to keep {@code collStats}' size, 15% of the server's CPU under the stack's load; nothing in Paystream reads it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private final Supplier<CollectionScanLog> scans;
    private @Nullable Integer removing;

    IndexedMemoryCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            CursorRegistry cursorRegistry,
            Supplier<CollectionScanLog> scans) {
        super(database, collectionName, options, cursorRegistry);
        this.scans = scans;
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        return planAndQuery(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * mongo-java-server asks each index, in order, for the position of the document it removes; the {@code _id}
     * index, first, forgets it before a secondary index is asked. A secondary entry needs the position to be found,
     * so it is looked up here first.
     */
    @Override
    public synchronized void removeDocument(Document document) {
        removing = primaryPosition(document);
        try {
            super.removeDocument(document);
        } finally {
            removing = null;
        }
    }

    /** Synchronized: an index built while another connection inserts would miss those documents. */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        super.addIndex(index);
    }

    @Nullable
    Integer positionOf(Document document) {
        Integer position = removing;
        return position != null ? position : primaryPosition(document);
    }

    private @Nullable Integer primaryPosition(Document document) {
        for (Index<Integer> index : getIndexes()) {
            List<IndexKey> keys = index.getKeys();
            if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(getIdField())) {
                return index.getPosition(document);
            }
        }
        return null;
    }

    @Override
    public CollectionScanLog scanLog() {
        return scans.get();
    }

    @Override
    public QueryResult matchPositions(
            Document query,
            Iterable<Integer> positions,
            @Nullable Document orderBy,
            int skip,
            int limit,
            int batchSize,
            @Nullable Document fieldSelector) {
        return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    public QueryResult scan(
            Document query,
            @Nullable Document orderBy,
            int skip,
            int limit,
            int batchSize,
            @Nullable Document fieldSelector) {
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
}
