package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** mongo-java-server's memory backend with secondary indexes, planned queries and a log of collection scans. */
public class IndexedMemoryBackend extends MemoryBackend {

    private final CollectionScanLog scans;

    public IndexedMemoryBackend(CollectionScanLog scans) {
        this.scans = scans;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), () -> scans);
    }
}
