package io.paystream.testsupport.mongo.indexing;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What an H2 index keeps beside its entries, in a map of its own: how many documents it has seen, compared with its
 * collection on opening (a file written by a server that does not maintain this index, e.g. an older Paystream or
 * plain mongo-java-server, leaves it behind its collection: it is then rebuilt), and which keys were ever irregular.
 */
final class H2IndexState {

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

    void clear() {
        map.clear();
        documents.set(0);
        irregularKeys.set(0);
    }

    MVMap<String, Long> map() {
        return map;
    }
}
