package io.paystream.catalog.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of {@code GET /v1/events}, cut into its events without re-serialising them (each is the exact text Stripe
 * sent, found by the parser's offsets).
 *
 * @param events in Stripe's order: newest first
 * @param hasMore whether Stripe has more in the direction paged
 */
record EventsPage(List<ListedEvent> events, boolean hasMore) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @throws IllegalStateException when the body is not Stripe's list envelope of events */
    static EventsPage parse(String body) {
        List<ListedEvent> events = new ArrayList<>();
        boolean hasMore = false;
        boolean sawData = false;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("an events answer is not a JSON object");
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
                        events.add(ListedEvent.of(body.substring(start, end)));
                    }
                } else if ("has_more".equals(name)) {
                    hasMore = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!sawData) {
            throw new IllegalStateException("an events answer without a data array");
        }
        return new EventsPage(List.copyOf(events), hasMore);
    }

    /** Oldest first: the order reconciliation publishes in. */
    List<ListedEvent> oldestFirst() {
        List<ListedEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        return reversed;
    }
}
