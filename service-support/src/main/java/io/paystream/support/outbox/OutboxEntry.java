package io.paystream.support.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka record waiting in a document's {@code outbox} array, written in the same single-document update as the
 * change it announces, so neither is ever stored without the other.
 *
 * @param id unique within its document, so exactly this entry can be pulled once Kafka acknowledged it; for a
 *     CloudEvent also its {@code id} and the {@code ce_id} header, deterministic where consumers de-duplicate by it
 * @param topic where the record goes
 * @param key the record key: the business id, so one object's records stay in order
 * @param value the record value (JSON), or null for a tombstone on a compacted topic
 * @param cloudEventType the CloudEvent {@code type} when the value is a CloudEvent (structured mode, headers
 *     {@code content-type}, {@code ce_id}, {@code ce_type}), else null
 * @param at when the entry was written, to the millisecond as MongoDB stores it; the sweeper leaves entries younger
 *     than its minimum age to the writer's own relay
 */
public record OutboxEntry(
        String id,
        String topic,
        String key,
        @Nullable String value,
        @Nullable String cloudEventType,
        Instant at) {

    public OutboxEntry {
        requireText(id, "id");
        requireText(topic, "topic");
        requireText(key, "key");
        Objects.requireNonNull(at, "at");
        if (cloudEventType != null && (cloudEventType.isBlank() || value == null)) {
            throw new IllegalArgumentException("a CloudEvent entry needs a type and a value: " + id);
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A domain event: {@code json} is the whole CloudEvent (structured mode), {@code id} its id. */
    public static OutboxEntry cloudEvent(String id, String type, String topic, String key, String json, Instant at) {
        return new OutboxEntry(id, topic, key, json, type, at);
    }

    /** A plain record, e.g. a registration on a compacted topic: no CloudEvent headers. */
    public static OutboxEntry record(String id, String topic, String key, String value, Instant at) {
        return new OutboxEntry(id, topic, key, value, null, at);
    }

    /** Deletes {@code key} from a compacted topic. */
    public static OutboxEntry tombstone(String id, String topic, String key, Instant at) {
        return new OutboxEntry(id, topic, key, null, null, at);
    }

    public boolean isTombstone() {
        return value == null;
    }

    public boolean isCloudEvent() {
        return cloudEventType != null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an outbox entry needs a " + name);
        }
    }
}
