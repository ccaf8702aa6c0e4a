package io.paystream.emulator;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Objects of one kind in Stripe's list order (created desc, then id desc), so a page is a walk from a cursor instead
 * of a sort. Removed objects leave their position behind, so a cursor pointing at one still pages on, as Stripe's
 * does.
 */
final class SortedIndex<T extends Listed> implements ListSource<T> {

    record Position(long created, long sequence) {}

    static final Comparator<Position> NEWEST_FIRST = Comparator.comparingLong(Position::created)
            .thenComparingLong(Position::sequence)
            .reversed();

    private final NavigableMap<Position, T> ordered = new TreeMap<>(NEWEST_FIRST);
    private final Map<String, T> byId = new HashMap<>();
    private final Map<String, Position> removed = new HashMap<>();

    void add(T item) {
        ordered.put(position(item), item);
        byId.put(item.id(), item);
    }

    @Nullable
    T get(String id) {
        return byId.get(id);
    }

    @Nullable
    T remove(String id) {
        T item = byId.remove(id);
        if (item != null) {
            Position position = position(item);
            ordered.remove(position);
            removed.put(id, position);
        }
        return item;
    }

    int size() {
        return byId.size();
    }

    Iterable<T> all() {
        return ordered.values();
    }

    @Override
    public Iterable<T> after(@Nullable Position cursor) {
        return cursor == null
                ? ordered.values()
                : ordered.tailMap(cursor, false).values();
    }

    @Override
    public Iterable<T> before(Position cursor) {
        return ordered.headMap(cursor, false).descendingMap().values();
    }

    @Override
    public @Nullable Position positionOf(String id) {
        T item = byId.get(id);
        return item != null ? position(item) : removed.get(id);
    }

    static Position position(Listed item) {
        return new Position(item.created(), item.sequence());
    }
}
