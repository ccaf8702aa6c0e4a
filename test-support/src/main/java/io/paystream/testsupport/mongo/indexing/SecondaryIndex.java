package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import io.paystream.testsupport.mongo.indexing.EntryOrder.Edge;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An ordered, non-unique (compound, multikey, sparse) index: what mongo-java-server replaces by an {@code EmptyIndex}
 * that ignores every document. Its entries are kept in {@link EntryOrder}; a backend stores them.
 *
 * <p>mongo-java-server asks an index for the position of a document it removes ({@link #remove}); an entry holds the
 * position, so the collection supplies it ({@code positionOf}). It never asks this index to answer a query itself
 * ({@link #canHandle} is false): the {@link QueryPlanner} chooses an index and {@linkplain #seek seeks} it.
 *
 * @param <P> the backend's document position
 */
abstract class SecondaryIndex<P> extends Index<P> {

    private final List<String> keyPaths;
    private final EntryOrder order;
    private final Function<Document, @Nullable P> positionOf;

    SecondaryIndex(
            String name,
            List<IndexKey> keys,
            boolean sparse,
            EntryOrder order,
            Function<Document, @Nullable P> positionOf) {
        super(name, keys, sparse);
        this.keyPaths = keys().stream().toList();
        this.order = order;
        this.positionOf = positionOf;
    }

    /** Adds an entry; true if it was not there. */
    abstract boolean insert(Object[] entry);

    /** Removes an entry; true if it was there. */
    abstract boolean delete(Object[] entry);

    /** The entries from {@code from} to {@code to} (probes, {@code from} not after {@code to}), lazily. */
    abstract Iterator<Object[]> entries(Object[] from, Object[] to, boolean reverse);

    /** Bit {@code i}: key {@code i} held an array or a non-scalar value in some document, ever. */
    abstract long irregularKeys();

    abstract void markIrregular(long keys);

    /** Counts documents added (+1) and removed (-1), so a persisted index can tell it missed some. */
    abstract void countDocument(int delta);

    List<String> keyPaths() {
        return keyPaths;
    }

    EntryOrder order() {
        return order;
    }

    boolean sparse() {
        return isSparse();
    }

    boolean isIrregular(int key) {
        return (irregularKeys() & (1L << key)) != 0;
    }

    /**
     * Always null: mongo-java-server asks every index for an updated document's position and keeps the one non-null
     * answer, which the {@code _id} index gives. Answering here too meant an index seek per secondary index on every
     * update (12% of the server's CPU under the stack's load, eight indexes on payment intents).
     */
    @Override
    public @Nullable P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to reject
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        countDocument(1);
        IndexEntries entries = IndexEntries.of(this, document, position);
        markIrregular(entries.irregularKeys());
        entries.entries().forEach(this::insert);
    }

    /** The position when the index held the document; null when it skipped it as sparse (the base accepts that). */
    @Override
    public @Nullable P remove(Document document) {
        countDocument(-1);
        P position = positionOf.apply(document);
        if (position == null) {
            return null;
        }
        Set<Object[]> entries = IndexEntries.of(this, document, position).entries();
        entries.forEach(this::delete);
        return entries.isEmpty() ? null : position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to reject
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (sameKeyValues(oldDocument, newDocument)) {
            return;
        }
        Set<Object[]> before = IndexEntries.of(this, oldDocument, position).entries();
        IndexEntries after = IndexEntries.of(this, newDocument, position);
        markIrregular(after.irregularKeys());
        if (before.equals(after.entries())) {
            return;
        }
        TreeSet<Object[]> removed = new TreeSet<>(order);
        removed.addAll(before);
        removed.removeAll(after.entries());
        removed.forEach(this::delete);
        after.entries().stream().filter(entry -> !before.contains(entry)).forEach(this::insert);
    }

    /**
     * Whether the update left every key of this index as it was: most updates change a status or an amount, not an
     * account, a date or a customer, and comparing the values is far cheaper than computing both documents' entries.
     * Values that compare equal only after normalization (an int and a long) take the long way; so does an array.
     */
    private boolean sameKeyValues(Document oldDocument, Document newDocument) {
        for (String key : keyPaths()) {
            Object before = IndexEntries.value(oldDocument, key);
            if (before instanceof Collection<?> || !Objects.equals(before, IndexEntries.value(newDocument, key))) {
                return false;
            }
        }
        return true;
    }

    /** Entries, as mongo-java-server's own indexes report for lack of a byte count. */
    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    /** Every position, in index order: a superset of any query's matches (mongo-java-server never asks for it). */
    @Override
    public Iterable<P> getPositions(Document query) {
        return () -> seek(List.of(), null, null, false);
    }

    /**
     * The positions of the entries whose first keys equal {@code prefix} and whose next key lies between
     * {@code lower} and {@code upper} (value order; null: unbounded), in index order or reversed. A multikey document
     * may come more than once.
     */
    Iterator<P> seek(List<Object> prefix, @Nullable Bound lower, @Nullable Bound upper, boolean reverse) {
        int length = keyPaths.size();
        Object[] from;
        Object[] to;
        if (prefix.size() == length) {
            from = EntryOrder.probe(prefix, Edge.FIRST);
            to = EntryOrder.probe(prefix, Edge.LAST);
        } else {
            boolean ascending = getKeys().get(prefix.size()).isAscending();
            Bound start = ascending ? lower : upper;
            Bound end = ascending ? upper : lower;
            from = start == null
                    ? EntryOrder.probe(prefix, Edge.FIRST)
                    : EntryOrder.probe(prefix, start.value(), start.inclusive() ? Edge.FIRST : Edge.LAST);
            to = end == null
                    ? EntryOrder.probe(prefix, Edge.LAST)
                    : EntryOrder.probe(prefix, end.value(), end.inclusive() ? Edge.LAST : Edge.FIRST);
        }
        if (order.compare(from, to) > 0) {
            return Collections.emptyIterator();
        }
        Iterator<Object[]> entries = entries(from, to, reverse);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            @SuppressWarnings("unchecked")
            public P next() {
                return (P) entries.next()[length];
            }
        };
    }
}
