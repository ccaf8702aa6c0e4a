package io.paystream.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The payment objects of one kind in one account and mode: stored ones (from lifecycles and tests) in a
 * {@link SortedIndex}, seeded ones in {@link SeededBlock}s. A page walks all of them merged in list order.
 */
final class PaymentIndex implements ListSource<PaymentObject> {

    private static final Comparator<Listed> NEWEST_FIRST =
            Comparator.comparing(SortedIndex::position, SortedIndex.NEWEST_FIRST);

    private final SortedIndex<StoredObject> stored = new SortedIndex<>();
    private final List<SeededBlock> blocks = new ArrayList<>();
    /** What Stripe answers for a deleted object's id ({@code {id, object, deleted: true}}). */
    private final Map<String, JsonMap> deleted = new HashMap<>();

    /**
     * Stores an object's current state. A known id keeps its place in the list (its first {@code created} and
     * sequence), as a Stripe object's {@code created} never changes.
     */
    void put(String id, long sequence, long created, Map<String, @Nullable Object> json) {
        StoredObject existing = stored.get(id);
        stored.add(
                existing == null
                        ? new StoredObject(id, sequence, created, json)
                        : new StoredObject(id, existing.sequence(), existing.created(), json));
        deleted.remove(id);
    }

    /** Leaves lists (cursors on it still page on) and answers retrieves with Stripe's deleted stub. */
    void delete(String id, String objectType) {
        if (stored.remove(id) != null) {
            deleted.put(id, JsonMap.object(objectType, id).with("deleted", true));
        }
    }

    void add(SeededBlock block) {
        blocks.add(block);
    }

    /** The object, a deleted stub, or null. */
    @Nullable
    JsonMap retrieve(String id) {
        PaymentObject object = get(id);
        return object != null ? object.render() : deleted.get(id);
    }

    @Nullable
    PaymentObject get(String id) {
        PaymentObject object = stored.get(id);
        for (int i = 0; object == null && i < blocks.size(); i++) {
            object = blocks.get(i).get(id);
        }
        return object;
    }

    @Override
    public Iterable<PaymentObject> after(SortedIndex.@Nullable Position cursor) {
        List<Iterable<? extends PaymentObject>> sources = new ArrayList<>();
        sources.add(stored.after(cursor));
        blocks.forEach(block -> sources.add(block.after(cursor)));
        return merged(sources, NEWEST_FIRST);
    }

    @Override
    public Iterable<PaymentObject> before(SortedIndex.Position cursor) {
        List<Iterable<? extends PaymentObject>> sources = new ArrayList<>();
        sources.add(stored.before(cursor));
        blocks.forEach(block -> sources.add(block.before(cursor)));
        return merged(sources, NEWEST_FIRST.reversed());
    }

    @Override
    public SortedIndex.@Nullable Position positionOf(String id) {
        SortedIndex.Position position = stored.positionOf(id);
        if (position != null) {
            return position;
        }
        PaymentObject seeded = get(id);
        return seeded == null ? null : SortedIndex.position(seeded);
    }

    /** A k-way merge of sources that are each already in {@code order}. */
    private static Iterable<PaymentObject> merged(
            List<Iterable<? extends PaymentObject>> sources, Comparator<Listed> order) {
        return () -> new Iterator<>() {
            private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.item, b.item));

            {
                sources.forEach(source -> advance(source.iterator()));
            }

            private void advance(Iterator<? extends PaymentObject> iterator) {
                if (iterator.hasNext()) {
                    heads.add(new Head(iterator.next(), iterator));
                }
            }

            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public PaymentObject next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                advance(head.rest);
                return head.item;
            }
        };
    }

    private record Head(PaymentObject item, Iterator<? extends PaymentObject> rest) {}
}
