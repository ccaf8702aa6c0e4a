package io.paystream.worker.apply;

import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses an event body once into a tree: a snapshot event, or a fetched object, which is shaped like one (its
 * {@code created} is the second of the fetch). Error messages carry positions, never body content.
 */
final class StripeEventParser {

    private final JsonMapper json = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * The event, or {@code null} for a thin event (it carries no object snapshot).
     *
     * @param source what the record's {@code paystream-source} header says, or {@code null} for a bare body
     * @throws PoisonEventException when the body is not an event or fetched object, or its shape contradicts the
     *     source (a fetched object that claims to be a webhook, an event that claims to be a backfill)
     */
    @Nullable
    StripeEvent parse(byte @Nullable [] body, @Nullable EventSource source) {
        if (body == null || body.length == 0) {
            throw new PoisonEventException("empty event body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new PoisonEventException(
                    "event body is not valid JSON (" + e.getClass().getSimpleName() + " at " + location(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PoisonEventException("event body is not a JSON object");
        }
        EventShape shape = EventShape.fromObjectField(root.path("object").asString(null));
        if (shape == null) {
            throw new PoisonEventException("body is not a Stripe event (object field is not event or v2.core.event)");
        }
        if (shape == EventShape.THIN) {
            return null;
        }
        String id = required(root, "id");
        String type = required(root, "type");
        JsonNode created = root.path("created");
        if (!created.isIntegralNumber()) {
            throw new PoisonEventException("event " + id + " has no integer created");
        }
        JsonNode livemode = root.path("livemode");
        if (!livemode.isBoolean()) {
            throw new PoisonEventException("event " + id + " has no boolean livemode");
        }
        JsonNode object = root.path("data").path("object");
        if (!object.isObject()) {
            throw new PoisonEventException("event " + id + " has no data.object");
        }
        String objectType = object.path("object").asString(null);
        if (objectType == null) {
            throw new PoisonEventException("event " + id + " has no data.object.object");
        }
        String account = root.path("account").asString(null);
        EventSource checkedSource =
                shape == EventShape.FETCHED ? fetchedSource(root, id, source) : eventSource(id, source);
        return new StripeEvent(
                id,
                type,
                created.longValue(),
                livemode.booleanValue(),
                account == null || account.isBlank() ? StripeEvent.PLATFORM : account,
                objectType,
                object.path("id").asString(null),
                object,
                checkedSource);
    }

    private static EventSource eventSource(String id, @Nullable EventSource source) {
        if (source == null) {
            return EventSource.WEBHOOK;
        }
        if (StripeEvent.isFetched(source)) {
            throw new PoisonEventException(
                    "event " + id + " is a Stripe event but its source is " + source.headerValue());
        }
        return source;
    }

    /**
     * A fetched object's source: the header's, or, when the record has none (a bare body, or a header lost on the
     * way), the value's own {@code source} field, which {@link io.paystream.events.fetched.FetchedObject} always writes.
     */
    private static EventSource fetchedSource(JsonNode root, String id, @Nullable EventSource source) {
        EventSource checked = source;
        if (checked == null || checked == EventSource.WEBHOOK) {
            String field = root.path("source").asString(null);
            checked = null;
            for (EventSource candidate : EventSource.values()) {
                if (candidate.headerValue().equals(field)) {
                    checked = candidate;
                }
            }
        }
        if (checked == null || !StripeEvent.isFetched(checked)) {
            throw new PoisonEventException("fetched object " + id + " has no backfill or thin_event source");
        }
        return checked;
    }

    private static String required(JsonNode root, String field) {
        String value = root.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("event has no " + field);
        }
        return value;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null
                ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }
}
