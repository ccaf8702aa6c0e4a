package io.paystream.worker.query;

import org.jspecify.annotations.Nullable;

/**
 * What a list endpoint was asked for: its filters, the page size and where to continue.
 *
 * @param scope a canonical text of the endpoint and every filter (livemode included); a cursor only continues the
 *     list it was issued for, so switching filters or mode mid-walk is refused instead of mixing answers
 * @param limit page size, already validated (1 to {@link #MAX_LIMIT})
 * @param cursor the previous page's {@code nextCursor}, or null for the first page
 */
public record ListRequest(String scope, int limit, @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
}
