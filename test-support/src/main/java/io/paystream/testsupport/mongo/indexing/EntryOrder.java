package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order of a secondary index's entries: {@code [value of key 1, ..., value of key n, position]}, each value
 * compared in mongo-java-server's order ({@link PlainValueOrder}) in its key's direction, then the position in the backend's
 * natural order, so that documents with equal keys come out in the order a collection scan would read them.
 *
 * <p>A probe, used only to seek, is a prefix of an entry followed by an {@link Edge}: it sorts before or after every
 * entry that shares that prefix.
 */
final class EntryOrder implements Comparator<Object[]> {

    enum Edge {
        FIRST,
        LAST
    }

    private final boolean[] ascending;
    private final Comparator<Object> positionOrder;

    EntryOrder(List<IndexKey> keys, Comparator<Object> positionOrder) {
        this.ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        this.positionOrder = positionOrder;
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        int length = Math.min(a.length, b.length);
        for (int i = 0; i < length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x instanceof Edge || y instanceof Edge) {
                return Integer.compare(rank(x), rank(y));
            }
            int comparison;
            if (i < ascending.length) {
                comparison = ascending[i] ? PlainValueOrder.compare(x, y) : PlainValueOrder.compare(y, x);
            } else {
                comparison = positionOrder.compare(x, y);
            }
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int rank(@Nullable Object element) {
        if (element == Edge.FIRST) {
            return -1;
        }
        return element == Edge.LAST ? 1 : 0;
    }

    static Object[] probe(List<Object> prefix, Edge edge) {
        Object[] probe = prefix.toArray(new Object[prefix.size() + 1]);
        probe[prefix.size()] = edge;
        return probe;
    }

    static Object[] probe(List<Object> prefix, @Nullable Object value, Edge edge) {
        Object[] probe = prefix.toArray(new Object[prefix.size() + 2]);
        probe[prefix.size()] = value;
        probe[prefix.size() + 1] = edge;
        return probe;
    }
}
