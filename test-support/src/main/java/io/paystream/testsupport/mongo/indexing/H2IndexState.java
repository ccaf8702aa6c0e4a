package io.paystream.testsupport.mongo.indexing;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an H2 index keeps beside its entries, in a map of its own: how many documents it has seen, compared with its
 * collection on opening (a file written by a server that does not maintain this index, e.g. an older Paystream or
 * plain mongo-java-server, leaves it behind its collection: it is then rebuilt), and which keys were ever irregular.
 */
final class H2IndexState {

    private static final Logger log = LoggerFactory.getLogger(H2IndexState.class);

    private static final String DOCUMENTS = "documents";
    private static final String IRREGULAR_KEYS = "irregularKeys";

    private final MVMap<String, Long> map;
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong irregularKeys = new AtomicLong();

    H2IndexState(MVStore store, String mapName) {
        this.map = store.openMap(mapName);
        documents.set(map.getOrDefault(DOCUMENTS, 0L));
        irregularKeys.set(map.getOrDefault(IRREGULAR_KEYS, 0L));
    }

    long documents() {
        return documents.get();
    }

    void countDocument(int delta) {
        map.put(DOCUMENTS, documents.addAndGet(delta));
    }

    long irregularKeys() {
        return irregularKeys.get();
    }

    void markIrregular(long keys) {
        long known = irregularKeys.get();
        if ((known | keys) != known) {
            map.put(IRREGULAR_KEYS, irregularKeys.accumulateAndGet(keys, (a, b) -> a | b));
        }
    }

    /**
     * Clears {@code entries} and this state when they saw another number of documents than their collection holds,
     * so that the index is rebuilt (the secondary and the unique indexes alike).
     */
    void discardIfBehind(MVMap<?, ?> entries, long collectionDocuments, String index) {
        if (!entries.isEmpty() && documents() != collectionDocuments) {
            log.warn(
                    "{} saw {} documents of its collection's {}: rebuilding it",
                    index,
                    documents(),
                    collectionDocuments);
            entries.clear();
            map.clear();
            documents.set(0);
            irregularKeys.set(0);
        }
    }

    /** Removes {@code entries} and this state from the store. */
    void drop(MVStore store, MVMap<?, ?> entries) {
        store.removeMap(entries);
        store.removeMap(map);
    }
}
