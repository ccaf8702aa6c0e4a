package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of connections, newest first, as {@link ConnectionQueries#list} found it; the API shows it as views.
 *
 * @param nextCursor the token for the next page; null on the last
 */
public record ConnectionListing(
        List<Connection> connections,
        boolean hasMore,
        @Nullable String nextCursor) {}
