package io.paystream.worker.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.paystream.worker.apply.StoredFields;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyset pagination over one aggregate collection: newest Stripe {@code created} first, {@code _id} descending within
 * the same instant. Each page continues strictly after the previous page's last key, so items are neither repeated
 * nor skipped while the walk goes on, whatever is written meanwhile at the top. Documents without {@code created} sort
 * last (MongoDB orders null lowest).
 */
public final class CursorPaging {

    /** The sort key every list index ends with, after its equality fields. */
    public static final Document SORT_KEYS = new Document(StoredValues.CREATED, -1).append(StoredFields.ID, -1);

    private static final Bson ORDER = Sorts.descending(StoredValues.CREATED, StoredFields.ID);

    private CursorPaging() {}

    public static <T> Page<T> page(
            MongoCollection<Document> collection, Bson filter, ListRequest request, Function<Document, T> view) {
        Bson query = filter;
        if (request.cursor() != null && !request.cursor().isEmpty()) {
            query = and(filter, after(PageCursor.decode(request.cursor(), request.scope())));
        }
        List<Document> found = collection
                .find(query)
                .projection(StoredValues.PUBLIC_FIELDS)
                .sort(ORDER)
                .limit(request.limit() + 1)
                .into(new ArrayList<>());
        boolean hasMore = found.size() > request.limit();
        List<Document> page = hasMore ? found.subList(0, request.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            Document last = page.get(page.size() - 1);
            nextCursor = new PageCursor(
                            StoredValues.instant(last, StoredValues.CREATED), last.getString(StoredFields.ID))
                    .encode(request.scope());
        }
        return new Page<>(page.stream().map(view).toList(), hasMore, nextCursor);
    }

    private static Bson after(PageCursor cursor) {
        if (cursor.created() == null) {
            return and(eq(StoredValues.CREATED, null), lt(StoredFields.ID, cursor.id()));
        }
        Date created = Date.from(cursor.created());
        return or(
                lt(StoredValues.CREATED, created),
                and(eq(StoredValues.CREATED, created), lt(StoredFields.ID, cursor.id())),
                eq(StoredValues.CREATED, null));
    }
}
