package io.paystream.catalog.connection;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A Kafka record waiting in a connection document's {@code outbox} array: a domain event for
 * {@code payments.events}, or an endpoint registration (or its tombstone) for {@code paystream.webhook-endpoints}.
 * Written in the same single-document update as the change it announces, so neither is ever lost without the other.
 *
 * @param id unique per entry; the CloudEvent id for domain events
 * @param value the record value as JSON, null for a tombstone
 * @param cloudEventType the CloudEvent type for domain events, else null
 * @param at when the entry was written; the sweeper leaves young entries to the request that wrote them
 */
record OutboxEntry(String id, String topic, String key, String value, String cloudEventType, Instant at) {

    Document toDocument() {
        return new Document("id", id)
                .append("topic", topic)
                .append("key", key)
                .append("value", value)
                .append("ceType", cloudEventType)
                .append("at", Date.from(at));
    }

    static OutboxEntry of(Document document) {
        return new OutboxEntry(
                document.getString("id"),
                document.getString("topic"),
                document.getString("key"),
                document.getString("value"),
                document.getString("ceType"),
                document.getDate("at").toInstant());
    }
}
