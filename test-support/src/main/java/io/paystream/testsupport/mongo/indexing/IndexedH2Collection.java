package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.function.Supplier;
import java.util.stream.Stream;
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

    /** True while this collection's monitor is held by an update or a findAndModify: see {@link #updateDocuments}. */
    private boolean updating;

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
     * The update reads deep copies of the stored documents. mongo-java-server changes the document it read in place
     * (right for its memory backend, whose map holds nothing else), but here that instance is also a value of an
     * MVStore page, which a commit may be encoding at that moment on the committing thread: the server's own H2
     * backend dies of it ({@code ConcurrentModificationException} in the encoder, the store panics and closes; seen
     * under the local stack's steady load). With a copy the page keeps its value until the update puts the new one.
     */
    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document updateQuery,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    /** Changes the document it read in place as an update does: see {@link #updateDocuments}. */
    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /** Every read, planned or a scan, streams the map's documents through here: an update's get copies. */
    @Override
    protected QueryResult matchDocumentsFromStream(
            Stream<Document> documentStream,
            Document query,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Stream<Document> documents = updating ? documentStream.map(Document::cloneDeeply) : documentStream;
        return super.matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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
