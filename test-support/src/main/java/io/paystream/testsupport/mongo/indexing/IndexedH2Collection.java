package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/** The H2 backend's collection, its queries planned. */
class IndexedH2Collection extends H2Collection implements PlannedCollection<Object> {

    /**
     * No running data size: mongo-java-server BSON-encodes the whole document (twice on an update, old and new) only
     * to keep {@code collStats}' size, 15% of the server's CPU under the stack's load; nothing in Paystream reads it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private final Supplier<CollectionScanLog> scans;

    IndexedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry,
            Supplier<CollectionScanLog> scans) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.scans = scans;
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        return planAndQuery(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * Stores the document as it will read back from the file ({@link StoredPrecision}), before its key and index
     * entries are taken from it.
     */
    @Override
    public synchronized void addDocument(Document document) {
        StoredPrecision.truncate(document);
        super.addDocument(document);
    }

    /**
     * Synchronized: an index built while another connection inserts would miss those documents. A reopened index that
     * saw another number of documents than the collection holds is cleared first, so that mongo-java-server rebuilds
     * it.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        boolean known =
                getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (!known && index instanceof PersistedIndex persisted) {
            persisted.discardIfBehind(count());
        }
        super.addIndex(index);
    }

    /** The key H2Collection stores the document under: its {@code _id} (Missing when it has none). */
    Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()));
    }

    @Override
    public CollectionScanLog scanLog() {
        return scans.get();
    }

    @Override
    public QueryResult matchPositions(
            Document query,
            Iterable<Object> positions,
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
