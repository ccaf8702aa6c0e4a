package io.paystream.emulator;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Seeded objects of one kind that exist only as arithmetic: ordinal {@code i} has sequence {@code firstSequence + i},
 * an id derived from it ({@link Ids#derivedId}) and {@code created = start + i * span / count}. Both grow with the
 * ordinal, so list order is ordinal order reversed and a cursor is found by binary search. Nothing is stored per
 * object: 100,000s of them cost a few fields, which is what lets a benchmark seed an account in a small heap.
 */
final class SeededBlock {

    final PaymentKind kind;
    final String prefix;
    final int count;
    private final long firstSequence;
    private final long start;
    private final long span;
    private final SeededPayments owner;

    SeededBlock(
            PaymentKind kind,
            String prefix,
            long firstSequence,
            int count,
            long start,
            long span,
            SeededPayments owner) {
        this.kind = kind;
        this.prefix = prefix;
        this.firstSequence = firstSequence;
        this.count = count;
        this.start = start;
        this.span = span;
        this.owner = owner;
    }

    long created(int ordinal) {
        return start + (long) ordinal * span / count;
    }

    String id(int ordinal) {
        return Ids.derivedId(prefix, firstSequence + ordinal);
    }

    /** The ordinal of a seeded id of this block, or -1. */
    int ordinalOf(String id) {
        long ordinal = Ids.sequenceOf(id, prefix) - firstSequence;
        if (ordinal < 0 || ordinal >= count || !id(Math.toIntExact(ordinal)).equals(id)) {
            return -1;
        }
        return (int) ordinal;
    }

    @Nullable
    PaymentObject get(String id) {
        int ordinal = ordinalOf(id);
        return ordinal < 0 ? null : object(ordinal);
    }

    PaymentObject object(int ordinal) {
        return new Seeded(ordinal);
    }

    /** Older than the cursor, newest first. */
    Iterable<PaymentObject> after(SortedIndex.@Nullable Position cursor) {
        int from = cursor == null ? count - 1 : lastBelow(cursor, false);
        return () -> new Walk(from, -1);
    }

    /** Newer than the cursor, nearest first. */
    Iterable<PaymentObject> before(SortedIndex.Position cursor) {
        return () -> new Walk(lastBelow(cursor, true) + 1, 1);
    }

    /** The largest ordinal whose (created, sequence) is below the cursor's (or equal to it), or -1. */
    private int lastBelow(SortedIndex.Position cursor, boolean orEqual) {
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long created = created(middle);
            boolean older = created < cursor.created()
                    || (created == cursor.created()
                            && (firstSequence + middle < cursor.sequence()
                                    || (orEqual && firstSequence + middle == cursor.sequence())));
            if (older) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private final class Walk implements Iterator<PaymentObject> {
        private int next;
        private final int step;

        Walk(int first, int step) {
            this.next = first;
            this.step = step;
        }

        @Override
        public boolean hasNext() {
            return next >= 0 && next < count;
        }

        @Override
        public PaymentObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PaymentObject object = object(next);
            next += step;
            return object;
        }
    }

    /** A transient view of one seeded object, made while a page is walked. */
    private final class Seeded extends PaymentObject {
        private final int ordinal;

        Seeded(int ordinal) {
            super(SeededBlock.this.id(ordinal), firstSequence + ordinal, SeededBlock.this.created(ordinal));
            this.ordinal = ordinal;
        }

        @Override
        @Nullable
        String field(String path) {
            return owner.field(kind, ordinal, path);
        }

        @Override
        JsonMap render() {
            return owner.render(kind, ordinal);
        }

        @Override
        Object listed() {
            return RawJson.value(owner.json(kind, ordinal));
        }
    }
}
