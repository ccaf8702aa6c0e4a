package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secondary index of the H2 backend, persisted in the MVStore beside the collection: its memory is bounded by the
 * store's cache, and a restart reopens it instead of rebuilding it. Positions are the documents' {@code _id}s, the
 * keys of the collection's own map, ordered as that map orders them.
 *
 * <p>A second map keeps what the entries alone do not say: which keys were ever irregular, and how many documents the
 * index has seen, compared with the collection on opening (a file written by a server without this index, e.g. an
 * older Paystream, leaves it behind the collection: it is rebuilt).
 */
final class H2SecondaryIndex extends SecondaryIndex<Object> {

    private static final Logger log = LoggerFactory.getLogger(H2SecondaryIndex.class);
    private static final String IRREGULAR_KEYS = "irregularKeys";
    private static final String DOCUMENTS = "documents";

    private final MVStore store;
    private final MVMap<Object[], Boolean> entries;
    private final MVMap<String, Long> meta;
    private final AtomicLong irregularKeys = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();

    H2SecondaryIndex(
            MVStore store,
            String mapName,
            String name,
            List<IndexKey> keys,
            boolean sparse,
            Function<Document, @Nullable Object> positionOf) {
        this(store, mapName, name, keys, sparse, new EntryOrder(keys, naturalOrder()), positionOf);
    }

    private H2SecondaryIndex(
            MVStore store,
            String mapName,
            String name,
            List<IndexKey> keys,
            boolean sparse,
            EntryOrder order,
            Function<Document, @Nullable Object> positionOf) {
        super(name, keys, sparse, order, positionOf);
        this.store = store;
        this.entries = store.openMap(mapName, new MVMap.Builder<Object[], Boolean>().keyType(new H2EntryType(order)));
        this.meta = store.openMap(mapName + ".meta");
        this.irregularKeys.set(meta.getOrDefault(IRREGULAR_KEYS, 0L));
        this.documents.set(meta.getOrDefault(DOCUMENTS, 0L));
    }

    /** The collection map's key order (H2's default key type), i.e. the order a collection scan reads. */
    private static Comparator<Object> naturalOrder() {
        ObjectDataType keys = new ObjectDataType();
        return keys::compare;
    }

    /** Clears a reopened index that missed documents, so that mongo-java-server rebuilds it when adding it. */
    void discardIfBehind(long collectionDocuments) {
        long indexed = documents.get();
        if (!entries.isEmpty() && indexed != collectionDocuments) {
            log.warn(
                    "index {} saw {} documents of its collection's {}: rebuilding it",
                    getName(),
                    indexed,
                    collectionDocuments);
            entries.clear();
            meta.clear();
            irregularKeys.set(0);
            documents.set(0);
        }
    }

    @Override
    boolean insert(Object[] entry) {
        return entries.putIfAbsent(entry, Boolean.TRUE) == null;
    }

    @Override
    boolean delete(Object[] entry) {
        return entries.remove(entry) != null;
    }

    @Override
    boolean contains(Object[] entry) {
        return entries.containsKey(entry);
    }

    @Override
    Iterator<Object[]> entries(Object[] from, Object[] to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    @Override
    long irregularKeys() {
        return irregularKeys.get();
    }

    @Override
    void markIrregular(long keys) {
        long known = irregularKeys.get();
        if ((known | keys) != known) {
            meta.put(IRREGULAR_KEYS, irregularKeys.accumulateAndGet(keys, (a, b) -> a | b));
        }
    }

    @Override
    void countDocument(int delta) {
        meta.put(DOCUMENTS, documents.addAndGet(delta));
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Entries, as mongo-java-server's own indexes report for lack of a byte count. */
    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        store.removeMap(entries);
        store.removeMap(meta);
    }
}
