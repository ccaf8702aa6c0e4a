package io.paystream.catalog.connection.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
public record OutboxEntry(
        String id,
        String topic,
        String key,
        @Nullable String value,
        @Nullable String cloudEventType,
        Instant at) {}
