package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 unique index (the {@code _id} index among them) with typed keys and positions
 * ({@link H2KeyValueType}, {@link H2KeyType}): its own {@code H2UniqueIndex} takes a map of H2's
 * {@code ObjectDataType}, which Java-serializes both keys of every comparison (its constructor is not public
 * either). Like the secondary indexes it counts its documents, to notice writes made without it.
 *
 * <p>Keys are looked up as they read back from the file, dates to the millisecond ({@link StoredPrecision}), so that
 * a document read back finds the key its in-memory original wrote.
 */
final class H2TypedUniqueIndex extends AbstractUniqueIndex<Object> implements PersistedIndex {

    private final MVStore store;
    private final MVMap<KeyValue, Object> entries;
    private final H2IndexState state;

    H2TypedUniqueIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.store = store;
        this.entries = store.openMap(
                mapName,
                new MVMap.Builder<KeyValue, Object>()
                        .keyType(new H2KeyValueType())
                        .valueType(new H2KeyType()));
        this.state = new H2IndexState(store, mapName + ".meta");
    }

    @Override
    public void discardIfBehind(long collectionDocuments) {
        state.discardIfBehind(entries, collectionDocuments, "unique index " + getName());
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        super.add(document, position, collection);
        state.countDocument(1);
    }

    @Override
    public synchronized @Nullable Object remove(Document document) {
        state.countDocument(-1);
        return super.remove(document);
    }

    @Override
    protected @Nullable Object removeDocument(KeyValue keyValue) {
        return entries.remove(StoredPrecision.of(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(StoredPrecision.of(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected @Nullable Object getPosition(KeyValue keyValue) {
        return entries.get(StoredPrecision.of(keyValue));
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
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        state.drop(store, entries);
    }
}
