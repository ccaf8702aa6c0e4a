package io.paystream.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything webhook-ingest learned about a verified event, carried as Kafka headers beside the untouched body.
 *
 * @param eventId Stripe's event id
 * @param type Stripe's event type
 * @param shape snapshot or thin event
 * @param account the connected account id, or {@code null} for the platform account
 * @param livemode whether the event is a live-mode event
 * @param apiVersion the API version the event was rendered in, or {@code null}
 * @param created the event's creation time, or {@code null}
 * @param endpointId the receiving endpoint's id
 * @param tenant the receiving endpoint's tenant
 * @param receivedAt when the ingest received the request
 */
public record StripeEventMetadata(
        StripeEventId eventId,
        String type,
        EventShape shape,
        @Nullable String account,
        boolean livemode,
        @Nullable String apiVersion,
        @Nullable Instant created,
        String endpointId,
        String tenant,
        Instant receivedAt) {

    public StripeEventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Header name to value, in a stable order; optional values that are {@code null} are left out. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StripeEventHeaders.EVENT_ID, eventId.value());
        headers.put(StripeEventHeaders.EVENT_TYPE, type);
        headers.put(StripeEventHeaders.EVENT_SHAPE, shape.headerValue());
        if (account != null) {
            headers.put(StripeEventHeaders.ACCOUNT, account);
        }
        headers.put(StripeEventHeaders.LIVEMODE, Boolean.toString(livemode));
        if (apiVersion != null) {
            headers.put(StripeEventHeaders.API_VERSION, apiVersion);
        }
        if (created != null) {
            headers.put(StripeEventHeaders.EVENT_CREATED, InstantText.of(created));
        }
        headers.put(StripeEventHeaders.ENDPOINT_ID, endpointId);
        headers.put(StripeEventHeaders.TENANT, tenant);
        headers.put(StripeEventHeaders.RECEIVED_AT, InstantText.of(receivedAt));
        headers.put(StripeEventHeaders.CONTRACT_VERSION, StripeEventHeaders.CURRENT_CONTRACT_VERSION);
        return headers;
    }

    /**
     * Reads the metadata back from headers.
     *
     * @param header looks up a header's string value, {@code null} when absent
     * @throws MalformedEventHeadersException when a required header is missing or unreadable
     */
    public static StripeEventMetadata fromHeaders(Function<String, @Nullable String> header) {
        try {
            EventShape shape = EventShape.valueOf(
                    required(header, StripeEventHeaders.EVENT_SHAPE).toUpperCase(java.util.Locale.ROOT));
            String created = header.apply(StripeEventHeaders.EVENT_CREATED);
            return new StripeEventMetadata(
                    new StripeEventId(required(header, StripeEventHeaders.EVENT_ID)),
                    required(header, StripeEventHeaders.EVENT_TYPE),
                    shape,
                    header.apply(StripeEventHeaders.ACCOUNT),
                    Boolean.parseBoolean(required(header, StripeEventHeaders.LIVEMODE)),
                    header.apply(StripeEventHeaders.API_VERSION),
                    created == null ? null : InstantText.parse(created),
                    required(header, StripeEventHeaders.ENDPOINT_ID),
                    required(header, StripeEventHeaders.TENANT),
                    InstantText.parse(required(header, StripeEventHeaders.RECEIVED_AT)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventHeadersException(e.getMessage(), e);
        }
    }

    private static String required(Function<String, @Nullable String> header, String name) {
        String value = header.apply(name);
        if (value == null) {
            throw new MalformedEventHeadersException("missing header " + name, null);
        }
        return value;
    }
}
