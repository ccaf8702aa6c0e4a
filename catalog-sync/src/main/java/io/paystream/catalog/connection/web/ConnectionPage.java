package io.paystream.catalog.connection.web;

import io.paystream.catalog.connection.store.ConnectionListing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of connections, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last
 */
record ConnectionPage(
        List<ConnectionView> data,
        boolean hasMore,

        @Schema(description = "Opaque; bound to this request's filters.", nullable = true) @Nullable
        String nextCursor) {

    static ConnectionPage of(ConnectionListing listing) {
        return new ConnectionPage(
                listing.connections().stream().map(ConnectionView::of).toList(),
                listing.hasMore(),
                listing.nextCursor());
    }
}
