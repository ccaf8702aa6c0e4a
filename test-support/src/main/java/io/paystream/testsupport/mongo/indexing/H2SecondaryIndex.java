package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of the H2 backend, persisted in the MVStore beside the collection: its memory is bounded by the
 * store's cache, and a restart reopens it instead of rebuilding it. Positions are the documents' {@code _id}s, the
 * keys of the collection's own map, ordered as that map orders them ({@link KeyOrder}). Entries hold dates to the
 * millisecond, as the documents they come from read back ({@link StoredPrecision}).
 */
final class H2SecondaryIndex extends SecondaryIndex<Object> implements PersistedIndex {

    private final MVStore store;
    private final MVMap<Object[], Boolean> entries;
    private final H2IndexState state;

    H2SecondaryIndex(
            MVStore store,
            String mapName,
            String name,
            List<IndexKey> keys,
            boolean sparse,
            Function<Document, @Nullable Object> positionOf) {
        this(store, mapName, name, keys, sparse, new EntryOrder(keys, KeyOrder.INSTANCE), positionOf);
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
        this.state = new H2IndexState(store, mapName + ".meta");
    }

    @Override
    public void discardIfBehind(long collectionDocuments) {
        state.discardIfBehind(entries, collectionDocuments, "index " + getName());
    }

    @Override
    boolean insert(Object[] entry) {
        return entries.putIfAbsent(StoredPrecision.of(entry), Boolean.TRUE) == null;
    }

    @Override
    boolean delete(Object[] entry) {
        return entries.remove(StoredPrecision.of(entry)) != null;
    }

    @Override
    Iterator<Object[]> entries(Object[] from, Object[] to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    @Override
    long irregularKeys() {
        return state.irregularKeys();
    }

    @Override
    void markIrregular(long keys) {
        state.markIrregular(keys);
    }

    @Override
    void countDocument(int delta) {
        state.countDocument(delta);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public void drop() {
        state.drop(store, entries);
    }
}
