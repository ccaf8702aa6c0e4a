package io.paystream.ingest.webhook;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the routing fields of a Stripe event with Jackson's streaming parser: one pass over the bytes, everything but
 * a dozen top-level fields skipped, no tree built, so a 512 KB event costs a scan and not a copy. The whole document
 * is still read to its end, so truncated or trailing-garbage bodies are refused.
 *
 * <p>Snapshot events ({@code object: "event"}) are keyed by {@code data.object.id}. A few event types describe an
 * object that has no id (for example {@code balance.available}, whose {@code data.object} is the account's balance):
 * they are keyed {@code <object type>:<account>} (e.g. {@code balance:acct_1}, {@code balance:platform}; the shared
 * contract in docs/contracts.md) instead of being refused, so each account's balance stays ordered, and because refusing a valid
 * signed event makes Stripe retry it for days and eventually disable the endpoint. Thin events
 * ({@code object: "v2.core.event"}) are keyed by {@code related_object.id}.
 */
final class StripeEventParser {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    ParsedStripeEvent parse(byte[] body) throws MalformedEventException {
        Fields fields = new Fields();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedEventException(Rejection.INVALID_JSON);
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new MalformedEventException(Rejection.INVALID_JSON);
                }
                throw new MalformedEventException(Rejection.NOT_A_STRIPE_EVENT);
            }
            readTopLevel(parser, fields);
            if (parser.nextToken() != null) {
                throw new MalformedEventException(Rejection.INVALID_JSON);
            }
        } catch (JacksonException e) {
            // Jackson's messages quote the input: never log or return them.
            throw new MalformedEventException(Rejection.INVALID_JSON);
        }
        return fields.toEvent();
    }

    private static void readTopLevel(JsonParser parser, Fields fields) {
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> fields.id = string(parser, value);
                case "object" -> fields.object = string(parser, value);
                case "type" -> fields.type = string(parser, value);
                case "account" -> fields.account = string(parser, value);
                case "context" -> fields.context = string(parser, value);
                case "api_version" -> fields.apiVersion = string(parser, value);
                case "livemode" -> fields.livemode = bool(value);
                case "created" -> fields.created = instant(parser, value);
                case "data" -> readData(parser, value, fields);
                case "related_object" -> fields.relatedObjectId = idOf(parser, value, null);
                default -> parser.skipChildren();
            }
        }
    }

    private static void readData(JsonParser parser, JsonToken value, Fields fields) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken child = parser.nextToken();
            if ("object".equals(name) && child == JsonToken.START_OBJECT) {
                fields.hasDataObject = true;
                fields.dataObjectId = idOf(parser, child, fields);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads an object's own {@code id} (and, for {@code data.object}, its {@code object} type), skipping the rest. */
    private static @Nullable String idOf(JsonParser parser, JsonToken value, @Nullable Fields dataObject) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String id = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken child = parser.nextToken();
            if ("id".equals(name)) {
                id = string(parser, child);
            } else if ("object".equals(name) && dataObject != null) {
                dataObject.dataObjectType = string(parser, child);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static @Nullable String string(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private static @Nullable Boolean bool(JsonToken value) {
        if (value == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (value == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Snapshot events carry Unix seconds, thin events an ISO-8601 string; anything else is left out. */
    private static @Nullable Instant instant(JsonParser parser, JsonToken value) {
        try {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochSecond(parser.getLongValue());
            }
            if (value == JsonToken.VALUE_STRING) {
                return Instant.parse(parser.getString());
            }
        } catch (DateTimeException | JacksonException unreadable) {
            return null;
        }
        parser.skipChildren();
        return null;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static final class Fields {
        // each stays null until its field is read, and may be absent from the body
        @Nullable
        String id;

        @Nullable
        String object;

        @Nullable
        String type;

        @Nullable
        String account;

        @Nullable
        String context;

        @Nullable
        String apiVersion;

        @Nullable
        Boolean livemode;

        @Nullable
        Instant created;

        boolean hasDataObject;

        @Nullable
        String dataObjectId;

        @Nullable
        String dataObjectType;

        @Nullable
        String relatedObjectId;

        ParsedStripeEvent toEvent() throws MalformedEventException {
            EventShape shape = EventShape.fromObjectField(object);
            if (shape == null) {
                throw new MalformedEventException(Rejection.NOT_A_STRIPE_EVENT);
            }
            String key = shape == EventShape.THIN ? relatedObjectId : snapshotKey();
            if (!present(id) || !present(type) || livemode == null || !present(key)) {
                throw new MalformedEventException(Rejection.MISSING_EVENT_FIELD);
            }
            return new ParsedStripeEvent(
                    new StripeEventId(id),
                    type,
                    shape,
                    shape == EventShape.THIN ? context : account,
                    livemode,
                    apiVersion,
                    created,
                    key);
        }

        private @Nullable String snapshotKey() {
            if (!hasDataObject) {
                return null;
            }
            if (present(dataObjectId)) {
                return dataObjectId;
            }
            return present(dataObjectType) ? dataObjectType + ":" + (present(account) ? account : "platform") : null;
        }
    }
}
