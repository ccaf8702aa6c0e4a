package io.paystream.events.fetched;

import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import io.paystream.events.InstantText;
import io.paystream.events.Schemas;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Stripe object as the API returned it, on its way to the service that owns its state: a record of
 * {@link io.paystream.events.Topics#STRIPE_FETCHED} keyed like the object's events, with shape
 * {@link EventShape#FETCHED} (schema {@value #SCHEMA_LOCATION}).
 *
 * <p>The value is shaped like a snapshot event, so that consumers read it as one: {@code id} ({@code fetch_...}),
 * {@code object: "paystream.fetched_object"}, {@code type} ({@code <object>.fetched}, e.g. {@code invoice.fetched}; no
 * Stripe event type ends in {@code .fetched}), {@code created} (the second it was fetched, Unix seconds),
 * {@code livemode}, {@code account} (absent for the platform), {@code source}, {@code run}, {@code fetched_at} (ISO-8601,
 * milliseconds) and {@code data.object}: the object's JSON exactly as Stripe sent it. The headers are an event's
 * ({@link StripeEventMetadata}) plus {@value StripeEventHeaders#SOURCE} and, for a backfill,
 * {@value StripeEventHeaders#RUN_ID}.
 *
 * <p>Order: the object is at least as new as the moment it was fetched, so it orders as an event created in that
 * second. An event of an earlier second arriving later is older and must not overwrite it; an event of a later second
 * must. In the same second the writer's own precedence decides first (a status rank), and at equal precedence the
 * event wins: the fetch cannot tell whether it saw that event's change.
 *
 * @param id {@code fetch_<scope>_<object id>}: the same fetch delivered twice de-duplicates like an event
 * @param objectType Stripe's {@code object} field, e.g. {@code payment_intent}
 * @param objectId Stripe's {@code id}, or {@code null} for objects without one (the balance)
 * @param account the connected account, {@code null} for the platform's own objects
 * @param livemode the mode the object was read in
 * @param fetchedAt when the API answered
 * @param source {@link EventSource#BACKFILL} or {@link EventSource#THIN_EVENT}
 * @param runId the backfill run, or {@code null}
 * @param objectJson the object's JSON as Stripe sent it
 */
public record FetchedObject(
        StripeEventId id,
        String objectType,
        @Nullable String objectId,
        @Nullable String account,
        boolean livemode,
        Instant fetchedAt,
        EventSource source,
        @Nullable String runId,
        String objectJson) {

    public static final String SCHEMA_LOCATION = Schemas.STRIPE_FETCHED_OBJECT_V1;

    /** The suffix of a fetched object's {@code type}. */
    public static final String TYPE_SUFFIX = ".fetched";

    /** The endpoint id header of fetched objects: no webhook endpoint received them. */
    public static final String ENDPOINT_ID = "paystream-fetch";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonStringEncoder QUOTER = JsonStringEncoder.getInstance();

    public FetchedObject {
        Objects.requireNonNull(id, "id");
        requireText(objectType, "objectType");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(objectJson, "objectJson");
        if (source != EventSource.BACKFILL && source != EventSource.THIN_EVENT) {
            throw new IllegalArgumentException("a fetched object's source is backfill or thin_event, not " + source);
        }
    }

    /**
     * Reads {@code object} and {@code id} from the object's JSON (its top-level fields only).
     *
     * @param scope what makes this fetch unique: the backfill run's id, or the thin event's id
     * @throws IllegalArgumentException when the JSON is not a Stripe object
     */
    public static FetchedObject of(
            String objectJson,
            @Nullable String account,
            boolean livemode,
            Instant fetchedAt,
            EventSource source,
            String scope,
            @Nullable String runId) {
        ObjectIdentity identity;
        try (JsonParser parser = JSON.createParser(objectJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a Stripe object: not a JSON object");
            }
            identity = ObjectIdentity.read(parser);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a Stripe object: not JSON", e);
        }
        String type = identity.type();
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("not a Stripe object: no 'object' field");
        }
        return listed(objectJson, type, identity.id(), account, livemode, fetchedAt, source, scope, runId);
    }

    /**
     * For a caller that already read {@code object} and {@code id} while cutting a list page into its objects: the
     * JSON is taken as it is, not parsed again (a backfill publishes hundreds of thousands).
     */
    public static FetchedObject listed(
            String objectJson,
            String objectType,
            @Nullable String objectId,
            @Nullable String account,
            boolean livemode,
            Instant fetchedAt,
            EventSource source,
            String scope,
            @Nullable String runId) {
        StripeEventId id = new StripeEventId("fetch_" + scope + "_" + (objectId != null ? objectId : objectType));
        return new FetchedObject(id, objectType, objectId, account, livemode, fetchedAt, source, runId, objectJson);
    }

    /** {@code <object>.fetched}. */
    public String eventType() {
        return objectType + TYPE_SUFFIX;
    }

    /** True for a {@code type} a fetched object carries. */
    public static boolean isFetchedType(String eventType) {
        return eventType.endsWith(TYPE_SUFFIX);
    }

    /** The Kafka key: the object's id, as for its events; {@code <object>:<account>} for objects without one. */
    public String key() {
        if (objectId != null) {
            return objectId;
        }
        return objectType + ":" + (account != null ? account : "platform");
    }

    /** The second the object orders at, as an event's {@code created}. */
    public Instant created() {
        return Instant.ofEpochSecond(fetchedAt.getEpochSecond());
    }

    /**
     * The record value: see the class comment. The object's JSON is embedded as it came, not re-serialised; the
     * envelope is written directly rather than through a tree (a tenth of a backfill's CPU when it was).
     */
    public byte[] toValue() {
        StringBuilder head = new StringBuilder(320);
        head.append("{\"id\":");
        quote(head, id.value());
        head.append(",\"object\":");
        quote(head, EventShape.FETCHED.objectField());
        head.append(",\"type\":");
        quote(head, eventType());
        head.append(",\"created\":").append(created().getEpochSecond());
        head.append(",\"livemode\":").append(livemode);
        if (account != null) {
            head.append(",\"account\":");
            quote(head, account);
        }
        head.append(",\"source\":");
        quote(head, source.headerValue());
        head.append(",\"run\":");
        if (runId == null) {
            head.append("null");
        } else {
            quote(head, runId);
        }
        head.append(",\"fetched_at\":");
        quote(head, InstantText.of(Instant.ofEpochMilli(fetchedAt.toEpochMilli())));
        head.append(",\"data\":{\"object\":");
        // the object is encoded once and copied once, not appended to the envelope's text and encoded with it
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] object = objectJson.getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOf(prefix, prefix.length + object.length + 2);
        System.arraycopy(object, 0, value, prefix.length, object.length);
        value[value.length - 2] = '}';
        value[value.length - 1] = '}';
        return value;
    }

    private static void quote(StringBuilder json, String value) {
        json.append('"');
        QUOTER.quoteAsString(value, json);
        json.append('"');
    }

    /** The record's headers: an event's, with the source and the run. */
    public Map<String, String> headers(String tenant) {
        StripeEventMetadata metadata = new StripeEventMetadata(
                id,
                eventType(),
                EventShape.FETCHED,
                account,
                livemode,
                null,
                created(),
                ENDPOINT_ID,
                tenant,
                fetchedAt);
        Map<String, String> headers = metadata.toHeaders();
        headers.put(StripeEventHeaders.SOURCE, source.headerValue());
        if (runId != null) {
            headers.put(StripeEventHeaders.RUN_ID, runId);
        }
        return headers;
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
