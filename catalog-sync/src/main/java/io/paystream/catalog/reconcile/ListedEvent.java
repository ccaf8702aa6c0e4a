package io.paystream.catalog.reconcile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event of a {@code GET /v1/events} answer: its exact text and the fields its record's key and headers need.
 *
 * @param json the event as Stripe sent it, published unchanged
 * @param account the event's own {@code account} (Connect events); null for an account's own events
 * @param key the record key, as webhook-ingest keys the same event: {@code data.object.id}, or
 *     {@code <object>:<account|platform>} for objects without an id (the balance)
 */
record ListedEvent(
        String json,
        String id,
        String type,
        Instant created,
        boolean livemode,
        @Nullable String account,
        @Nullable String apiVersion,
        String key) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @throws IllegalStateException when the text is not a snapshot event with an object */
    static ListedEvent of(String json) {
        JsonNode event = JSON.readTree(json);
        String id = event.path("id").asString(null);
        String type = event.path("type").asString(null);
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !event.path("created").canConvertToLong() || !object.isObject()) {
            throw new IllegalStateException("the Events API listed something that is not an event: " + id);
        }
        String account = event.path("account").asString(null);
        String objectId = object.path("id").asString(null);
        String key = objectId != null && !objectId.isBlank()
                ? objectId
                : object.path("object").asString("object") + ":" + (account != null ? account : "platform");
        return new ListedEvent(
                json,
                id,
                type,
                Instant.ofEpochSecond(event.path("created").asLong()),
                event.path("livemode").asBoolean(false),
                account,
                event.path("api_version").asString(null),
                key);
    }
}
