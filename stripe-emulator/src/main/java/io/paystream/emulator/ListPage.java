package io.paystream.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Stripe's list envelope and cursor paging ({@code limit}, {@code starting_after}, {@code ending_before}). */
final class ListPage {

    private ListPage() {}

    static <T extends Listed> JsonMap of(
            ListSource<T> index, Params params, Predicate<T> filter, String url, String kind) {
        return of(index, params, filter, url, kind, Listed::listed);
    }

    static <T extends Listed> JsonMap of(
            ListSource<T> index,
            Params params,
            Predicate<T> filter,
            String url,
            String kind,
            Function<? super T, ?> render) {
        int limit = limit(params);
        String startingAfter = params.nullableString("starting_after");
        String endingBefore = params.nullableString("ending_before");
        if (startingAfter != null && endingBefore != null) {
            throw ApiError.invalid(
                    "You may only specify one of these parameters: ending_before, starting_after.", "ending_before");
        }
        List<Object> data = new ArrayList<>(limit);
        boolean hasMore;
        if (endingBefore != null) {
            hasMore = collect(
                    index.before(cursor(index, endingBefore, "ending_before", kind)), filter, limit, render, data);
            Collections.reverse(data);
        } else {
            SortedIndex.Position from =
                    startingAfter == null ? null : cursor(index, startingAfter, "starting_after", kind);
            hasMore = collect(index.after(from), filter, limit, render, data);
        }
        return envelope(data, hasMore, url);
    }

    static JsonMap envelope(List<?> data, boolean hasMore, String url) {
        return new JsonMap()
                .with("object", "list")
                .with("data", data)
                .with("has_more", hasMore)
                .with("url", url);
    }

    private static <T extends Listed> boolean collect(
            Iterable<T> items, Predicate<T> filter, int limit, Function<? super T, ?> render, List<Object> into) {
        for (T item : items) {
            if (!filter.test(item)) {
                continue;
            }
            if (into.size() == limit) {
                return true;
            }
            into.add(render.apply(item));
        }
        return false;
    }

    private static SortedIndex.Position cursor(ListSource<?> index, String id, String param, String kind) {
        SortedIndex.Position position = index.positionOf(id);
        if (position == null) {
            throw ApiError.noSuchParam(kind, id, param);
        }
        return position;
    }

    static int limit(Params params) {
        Long limit = params.integer("limit");
        if (limit == null) {
            return 10;
        }
        if (limit < 1 || limit > 100) {
            throw ApiError.invalid("Invalid limit: must be between 1 and 100", "limit");
        }
        return limit.intValue();
    }
}
