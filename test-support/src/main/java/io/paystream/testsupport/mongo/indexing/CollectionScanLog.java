package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection scans one server performed, most recent {@value #CAPACITY} kept, so a test can assert that a hot
 * path found an index. A scan of more than {@value #WARN_ABOVE} documents is also logged (once per namespace and
 * query shape), so the local stack's log names an index it misses.
 */
public final class CollectionScanLog {

    static final int CAPACITY = 1_000;
    static final long WARN_ABOVE = 10_000;

    /**
     * More documents than this read through an index for one query is logged as well: the index narrows the query
     * too little (it lacks an equality field the query filters on, or a sort walk filters most of what it reads), which
     * a small test collection hides and a million documents do not.
     */
    static final long WIDE_READ = 1_000;

    private static final int MAX_WARNED_SHAPES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(CollectionScanLog.class);

    private final Deque<CollectionScan> scans = new ArrayDeque<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** A copy, oldest first. */
    public synchronized List<CollectionScan> scans() {
        return List.copyOf(scans);
    }

    public synchronized void clear() {
        scans.clear();
    }

    void recordWideRead(String namespace, Document query, long documents) {
        record(new CollectionScan(namespace, QueryShape.of(query) + " via an index", documents));
    }

    void record(String namespace, Document query, long documents) {
        record(new CollectionScan(namespace, QueryShape.of(query), documents));
    }

    private void record(CollectionScan scan) {
        String namespace = scan.namespace();
        long documents = scan.documents();
        synchronized (this) {
            if (scans.size() == CAPACITY) {
                scans.removeFirst();
            }
            scans.addLast(scan);
        }
        if (documents > WARN_ABOVE
                && warned.size() < MAX_WARNED_SHAPES
                && warned.add(namespace + ' ' + scan.queryShape())) {
            log.warn(
                    "{} read {} documents for a query of shape {}: no index answers it well",
                    namespace,
                    documents,
                    scan.queryShape());
        }
    }
}
