package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of the memory backend: a concurrent skip list, so that a count, which mongo-java-server runs
 * outside the collection's lock, may read while another connection writes. Positions are list indexes, whose order is
 * the order a collection scan reads.
 */
final class MemorySecondaryIndex extends SecondaryIndex<Integer> {

    private static final Comparator<Object> POSITION_ORDER = Comparator.comparingInt(position -> (Integer) position);

    private final NavigableSet<Object[]> entries;
    private final AtomicLong size = new AtomicLong();
    private final AtomicLong irregularKeys = new AtomicLong();

    MemorySecondaryIndex(
            String name, List<IndexKey> keys, boolean sparse, Function<Document, @Nullable Integer> positionOf) {
        this(name, keys, sparse, new EntryOrder(keys, POSITION_ORDER), positionOf);
    }

    private MemorySecondaryIndex(
            String name,
            List<IndexKey> keys,
            boolean sparse,
            EntryOrder order,
            Function<Document, @Nullable Integer> positionOf) {
        super(name, keys, sparse, order, positionOf);
        this.entries = new ConcurrentSkipListSet<>(order);
    }

    @Override
    boolean insert(Object[] entry) {
        boolean added = entries.add(entry);
        if (added) {
            size.incrementAndGet();
        }
        return added;
    }

    @Override
    boolean delete(Object[] entry) {
        boolean removed = entries.remove(entry);
        if (removed) {
            size.decrementAndGet();
        }
        return removed;
    }

    @Override
    Iterator<Object[]> entries(Object[] from, Object[] to, boolean reverse) {
        NavigableSet<Object[]> range = entries.subSet(from, true, to, true);
        return reverse ? range.descendingIterator() : range.iterator();
    }

    @Override
    long irregularKeys() {
        return irregularKeys.get();
    }

    @Override
    void markIrregular(long keys) {
        irregularKeys.accumulateAndGet(keys, (a, b) -> a | b);
    }

    @Override
    void countDocument(int delta) {
        // nothing persists: a memory index is always built with its collection
    }

    /** O(1), unlike the skip list's own size. */
    @Override
    public long getCount() {
        return size.get();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public void drop() {
        entries.clear();
        size.set(0);
    }
}
