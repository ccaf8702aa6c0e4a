package io.paystream.catalog.stripe;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's list envelope ({@code {"object":"list","data":[...],"has_more":...}}) cut into its items in one streaming
 * pass, each item handed to a reader with its offset in the body, so callers keep each object's exact text. Shared by
 * the backfill's pages and reconciliation's event pages.
 *
 * @param items what the reader made of each element of {@code data}, in Stripe's order
 * @param hasMore whether Stripe has more in the direction paged
 */
public record StripeListEnvelope<T>(List<T> items, boolean hasMore) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads one element of {@code data}. */
    @FunctionalInterface
    public interface ItemReader<T> {
        /**
         * @param parser just returned the element's {@code START_OBJECT}; must be left on its {@code END_OBJECT}
         * @param body the whole answer
         * @param start the element's first character in {@code body}
         */
        T read(JsonParser parser, String body, int start);
    }

    /**
     * @throws IllegalStateException when the body is not a list envelope
     */
    public static <T> StripeListEnvelope<T> cut(String body, ItemReader<T> reader) {
        List<T> items = new ArrayList<>();
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
                        items.add(reader.read(parser, body, start));
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
        return new StripeListEnvelope<>(List.copyOf(items), hasMore);
    }

    /** The text from {@code start} to the {@code END_OBJECT} the parser is on. */
    public static String textUpToHere(JsonParser parser, String body, int start) {
        return body.substring(
                start, Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1);
    }
}
