package io.paystream.catalog.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of a list endpoint, cut into its objects without re-serialising them: each object is the exact text
 * Stripe sent (found by the parser's offsets), so what is published is byte for byte what Stripe answered.
 *
 * @param objects the objects of {@code data}, in Stripe's order (newest first)
 * @param hasMore whether another page follows
 * @param lastId the id of the page's last object: the cursor of the next page, and what a run stores once the page was
 *     handed on; null for an empty page
 * @param fetchedAt when Stripe answered
 */
record ListedPage(
        List<String> objects, boolean hasMore, @Nullable String lastId, Instant fetchedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A single object (the account, the balance): one object, no next page. */
    static ListedPage single(String body, Instant fetchedAt) {
        return new ListedPage(List.of(body.strip()), false, null, fetchedAt);
    }

    /**
     * @throws IllegalStateException when the body is not Stripe's list envelope
     */
    static ListedPage parse(String body, Instant fetchedAt) {
        List<String> objects = new ArrayList<>();
        boolean hasMore = false;
        boolean sawData = false;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a list answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                    sawData = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int start =
                                Math.toIntExact(parser.currentTokenLocation().getCharOffset());
                        parser.skipChildren();
                        int end = Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1;
                        objects.add(body.substring(start, end));
                    }
                } else if ("has_more".equals(name)) {
                    hasMore = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!sawData) {
            throw new IllegalStateException("a list answer without a data array");
        }
        String lastId = objects.isEmpty()
                ? null
                : JSON.readTree(objects.get(objects.size() - 1)).path("id").asString(null);
        if (hasMore && lastId == null) {
            throw new IllegalStateException("a list page's last object has no id to continue from");
        }
        return new ListedPage(List.copyOf(objects), hasMore, lastId, fetchedAt);
    }
}
