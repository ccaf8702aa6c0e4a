package io.paystream.ingest.webhook;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads the routing fields of a Stripe event in one pass over the bytes ({@link JsonCursor}): everything but a dozen
 * fields is skipped, no tree built, so a 512 KB event costs a scan and not a copy. The whole document is still read
 * to its end and checked as JSON, so truncated or trailing-garbage bodies are refused.
 *
 * <p>Snapshot events ({@code object: "event"}) are keyed by {@code data.object.id}. A few event types describe an
 * object that has no id (for example {@code balance.available}, whose {@code data.object} is the account's balance):
 * they are keyed {@code <object type>:<account>} (e.g. {@code balance:acct_1}, {@code balance:platform}; the shared
 * contract in docs/contracts.md) instead of being refused, so each account's balance stays ordered, and because refusing a valid
 * signed event makes Stripe retry it for days and eventually disable the endpoint. Thin events
 * ({@code object: "v2.core.event"}) are keyed by {@code related_object.id}.
 */
final class StripeEventParser {

    ParsedStripeEvent parse(byte[] body) throws MalformedEventException {
        Fields fields = new Fields();
        try {
            JsonCursor json = new JsonCursor(body);
            int first = json.peek();
            if (first == -1) {
                throw new MalformedEventException(Rejection.INVALID_JSON);
            }
            if (first != '{') {
                json.skipValue();
                if (!json.atEnd()) {
                    throw new MalformedEventException(Rejection.INVALID_JSON);
                }
                throw new MalformedEventException(Rejection.NOT_A_STRIPE_EVENT);
            }
            json.startObject();
            readTopLevel(json, fields);
            if (!json.atEnd()) {
                throw new MalformedEventException(Rejection.INVALID_JSON);
            }
        } catch (JsonCursor.Malformed e) {
            throw new MalformedEventException(Rejection.INVALID_JSON);
        }
        return fields.toEvent();
    }

    private static void readTopLevel(JsonCursor json, Fields fields) {
        String name;
        while ((name = json.nextName()) != null) {
            switch (name) {
                case "id" -> fields.id = json.stringOrSkip();
                case "object" -> fields.object = json.stringOrSkip();
                case "type" -> fields.type = json.stringOrSkip();
                case "account" -> fields.account = json.stringOrSkip();
                case "context" -> fields.context = json.stringOrSkip();
                case "api_version" -> fields.apiVersion = json.stringOrSkip();
                case "livemode" -> fields.livemode = json.booleanOrSkip();
                case "created" -> fields.created = instant(json);
                case "data" -> readData(json, fields);
                case "related_object" -> fields.relatedObjectId = idOf(json, null);
                default -> json.skipValue();
            }
        }
    }

    private static void readData(JsonCursor json, Fields fields) {
        if (json.peek() != '{') {
            json.skipValue();
            return;
        }
        json.startObject();
        String name;
        while ((name = json.nextName()) != null) {
            if ("object".equals(name) && json.peek() == '{') {
                fields.hasDataObject = true;
                fields.dataObjectId = idOf(json, fields);
            } else {
                json.skipValue();
            }
        }
    }

    /** Reads an object's own {@code id} (and, for {@code data.object}, its {@code object} type), skipping the rest. */
    private static @Nullable String idOf(JsonCursor json, @Nullable Fields dataObject) {
        if (json.peek() != '{') {
            json.skipValue();
            return null;
        }
        json.startObject();
        String id = null;
        String name;
        while ((name = json.nextName()) != null) {
            if ("id".equals(name)) {
                id = json.stringOrSkip();
            } else if ("object".equals(name) && dataObject != null) {
                dataObject.dataObjectType = json.stringOrSkip();
            } else {
                json.skipValue();
            }
        }
        return id;
    }

    /** Snapshot events carry Unix seconds, thin events an ISO-8601 string; anything else is left out. */
    private static @Nullable Instant instant(JsonCursor json) {
        try {
            if (json.peek() == '"') {
                String text = json.stringOrSkip();
                return text == null ? null : Instant.parse(text);
            }
            Long seconds = json.integerOrSkip();
            return seconds == null ? null : Instant.ofEpochSecond(seconds);
        } catch (DateTimeException unreadable) {
            return null;
        }
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
            // A fetched object is Paystream's own record (catalog-sync writes it to Kafka); Stripe never sends one.
            if (shape == null || shape == EventShape.FETCHED) {
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
