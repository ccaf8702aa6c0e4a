package io.paystream.worker.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list endpoint.
 *
 * @param data the items, newest Stripe {@code created} first, Stripe id descending within the same second
 * @param hasMore whether another page follows
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
@Schema(description = "One page of results in a stable order: newest Stripe `created` first, id descending on ties.")
public record Page<T>(
        @Schema(description = "The items of this page.") List<T> data,

        @Schema(description = "Whether another page follows.")
        boolean hasMore,

        @Schema(
                description = "Opaque cursor for the next page, bound to the filters of this request;"
                        + " null on the last page.",
                nullable = true)
        @Nullable
        String nextCursor) {}
