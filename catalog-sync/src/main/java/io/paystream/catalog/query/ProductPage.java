package io.paystream.catalog.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of products in {@code _id} order (account, mode, product id). */
public record ProductPage(
        List<ProductView> data,
        boolean hasMore,

        @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page.") @Nullable
        String nextCursor) {}
