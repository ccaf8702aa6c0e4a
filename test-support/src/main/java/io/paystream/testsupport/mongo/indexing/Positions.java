package io.paystream.testsupport.mongo.indexing;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Lazy sequences of document positions: nothing is read from an index before the query's stream asks for it. */
final class Positions {

    private Positions() {}

    /** The parts one after the other; a part's iterator is created when it is reached. */
    static <P> Iterable<P> concat(List<Supplier<Iterator<P>>> parts) {
        return () -> new Iterator<>() {
            private int next;
            private Iterator<P> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < parts.size()) {
                    current = parts.get(next++).get();
                }
                return current.hasNext();
            }

            @Override
            public P next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Each position once, at its first occurrence (a multikey document has an entry per array element). */
    static <P> Iterable<P> distinct(Iterable<P> positions) {
        return () -> new Iterator<>() {
            private final Iterator<P> all = positions.iterator();
            private final Set<P> seen = new HashSet<>();
            private @Nullable P pending;
            private boolean hasPending;

            @Override
            public boolean hasNext() {
                while (!hasPending && all.hasNext()) {
                    P candidate = all.next();
                    if (seen.add(candidate)) {
                        pending = candidate;
                        hasPending = true;
                    }
                }
                return hasPending;
            }

            @Override
            public P next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasPending = false;
                return pending;
            }
        };
    }
}
