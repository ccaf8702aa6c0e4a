package io.paystream.catalog.stripe;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's list envelope ({@code {"object":"list","data":[...],"has_more":...}}) cut into its items in one pass
 * ({@link JsonSkim}), each item kept as its exact text with its top-level {@code object} and {@code id}, so callers
 * publish what Stripe sent without parsing it again. Shared by the backfill's pages and reconciliation's event pages.
 *
 * @param items what the reader made of each element of {@code data}, in Stripe's order
 * @param hasMore whether Stripe has more in the direction paged
 */
public record StripeListEnvelope<T>(List<T> items, boolean hasMore) {

    /**
     * One object of an answer.
     *
     * @param json its text exactly as Stripe sent it
     * @param type its top-level {@code object} field, null when it has none
     * @param id its top-level {@code id}, null when it has none (the balance)
     */
    public record ListedObject(
            String json, @Nullable String type, @Nullable String id) {}

    /** Reads one element of {@code data}. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(ListedObject object);
    }

    /**
     * @throws IllegalStateException when the body is not a list envelope of objects
     */
    public static <T> StripeListEnvelope<T> cut(String body, ItemReader<T> reader) {
        List<T> items = new ArrayList<>();
        boolean hasMore = false;
        boolean sawData = false;
        JsonSkim json = new JsonSkim(body);
        if (json.peek() != '{') {
            throw new IllegalStateException("a list answer is not a JSON object");
        }
        json.expect('{');
        if (!json.consume('}')) {
            do {
                String name = json.readString();
                json.expect(':');
                if (name.equals("data") && json.peek() == '[') {
                    sawData = true;
                    json.expect('[');
                    if (!json.consume(']')) {
                        do {
                            items.add(reader.read(listed(body, json)));
                        } while (json.consume(','));
                        json.expect(']');
                    }
                } else if (name.equals("has_more")) {
                    hasMore = json.consumeLiteral("true");
                    if (!hasMore) {
                        json.skipValue();
                    }
                } else {
                    json.skipValue();
                }
            } while (json.consume(','));
            json.expect('}');
        }
        json.expectEnd();
        if (!sawData) {
            throw new IllegalStateException("a list answer without a data array");
        }
        return new StripeListEnvelope<>(List.copyOf(items), hasMore);
    }

    /**
     * An answer that is one object (the account, the balance), without the whitespace around it.
     *
     * @throws IllegalStateException when the body is not one JSON object
     */
    public static ListedObject single(String body) {
        JsonSkim json = new JsonSkim(body);
        ListedObject object = listed(body, json);
        json.expectEnd();
        return object;
    }

    private static ListedObject listed(String body, JsonSkim json) {
        JsonSkim.ObjectSpan span = json.readObject();
        return new ListedObject(body.substring(span.start(), span.end()), span.type(), span.id());
    }
}
