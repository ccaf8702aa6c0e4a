package io.paystream.catalog.connection.store;

import com.mongodb.client.model.Filters;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.support.problem.StandardProblem;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** Reading connections: one by id, or a keyset-paginated list (stable under concurrent inserts, no skip/offset). */
public class ConnectionQueries {

    private final ConnectionStore store;
    private final ConnectionProperties properties;

    ConnectionQueries(ConnectionStore store, ConnectionProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public Connection get(String id) {
        return store.find(id).orElseThrow(() -> ConnectionRejectedException.notFound(id));
    }

    /** Each filter, the cursor and the limit are optional; absent filters match every connection. */
    public ConnectionListing list(
            @Nullable String tenant,
            @Nullable String status,
            @Nullable String mode,
            @Nullable String cursor,
            @Nullable Integer limit) {
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw new ConnectionRejectedException(
                    StandardProblem.INVALID_REQUEST, "limit: must be between 1 and " + properties.maxPageSize());
        }
        List<Bson> filters = new ArrayList<>();
        if (tenant != null) {
            filters.add(Filters.eq("tenant", tenant));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (mode != null) {
            filters.add(Filters.eq("mode", mode));
        }
        String scope = tenant + "|" + status + "|" + mode;
        ConnectionCursor after = cursor == null ? null : ConnectionCursor.decode(cursor, scope);
        List<Connection> found =
                store.list(filters.isEmpty() ? Filters.empty() : Filters.and(filters), after, size + 1);
        boolean hasMore = found.size() > size;
        List<Connection> page = hasMore ? found.subList(0, size) : found;
        String next = null;
        if (hasMore) {
            Connection last = page.get(page.size() - 1);
            next = new ConnectionCursor(last.createdAt(), last.id()).encode(scope);
        }
        return new ConnectionListing(page, hasMore, next);
    }
}
