package io.paystream.worker.query;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The mode and paging query parameters every list endpoint takes; bind with {@code @ParameterObject @Valid}. The
 * components are nullable so an absent or empty parameter falls back to its default, as {@code @RequestParam}
 * defaults did.
 */
public record ListParameters(
        @Parameter(description = "Live (true) or test (false) data; never mixed.")
        @Schema(defaultValue = "false")
        @Nullable
        Boolean livemode,

        @Parameter(description = "Page size, 1 to 100.")
        @Schema(defaultValue = "" + ListRequest.DEFAULT_LIMIT)
        @Min(1)
        @Max(ListRequest.MAX_LIMIT)
        @Nullable
        Integer limit,

        @Parameter(description = "The `nextCursor` of the previous page, unchanged; omit for the first page.") @Nullable
        String cursor) {

    /** What a list endpoint's 400 answer means. */
    public static final String INVALID =
            "A filter, the limit or the cursor is invalid (or the cursor belongs to other filters).";

    public ListParameters {
        livemode = livemode != null && livemode;
        limit = limit == null ? ListRequest.DEFAULT_LIMIT : limit;
    }
}
