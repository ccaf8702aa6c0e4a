package io.paystream.catalog.connection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of connections, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last
 */
record ConnectionPage(
        List<ConnectionView> data,
        boolean hasMore,

        @Schema(description = "Opaque; bound to this request's filters.", nullable = true)
        String nextCursor) {}
