package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 (MVStore) backend with secondary indexes persisted beside the data, planned queries and a
 * log of collection scans. Its files are in its own {@link StorageFormat} (no Java serialization): a file written
 * by the plain H2 backend, or by an older Paystream, is refused with a message that says to delete it.
 */
public class IndexedH2Backend extends H2Backend {

    /** Read through {@link #scans()}: H2Backend's constructor opens the file's databases before this is set. */
    private final CollectionScanLog scans;

    private final StoreCommitter committer;

    /**
     * @throws IllegalStateException when {@code store} holds data in another storage format (the store is closed):
     *     checked before H2Backend's constructor opens the file's databases
     */
    public IndexedH2Backend(MVStore store, CollectionScanLog scans) {
        super(StorageFormat.checked(store));
        this.scans = scans;
        this.committer = new StoreCommitter(store);
    }

    /**
     * The MVStore in {@code file}, created if missing, its page cache (documents and indexes: the bulk of this
     * backend's memory) limited to {@code cacheSizeMb}. H2's auto-commit is off: the backend commits it itself, see
     * {@link StoreCommitter} for why.
     */
    public static MVStore openStore(Path file, int cacheSizeMb) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheSizeMb)
                .autoCommitDisabled()
                .autoCommitBufferSize(UNSAVED_BUFFER_KB)
                .open();
    }

    /**
     * Unsaved changes a writer lets pass before it commits the store itself, in KB. H2's default (19 MB) is less than a
     * second of the stack's writes at 3,000 events/s, so every writer committed inline, each waiting on the store lock
     * for the one before (both services' lag rose to 15-23 s for minutes while the MongoDB server's GC was quiet).
     * With this the committer's thread does the commits; a writer commits only when it has fallen this far behind.
     */
    static final int UNSAVED_BUFFER_KB = 256 * 1024;

    /** The committer stops first: closing the store commits the rest. */
    @Override
    public void close() {
        committer.close();
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), this::scans);
    }

    private CollectionScanLog scans() {
        return scans;
    }
}
