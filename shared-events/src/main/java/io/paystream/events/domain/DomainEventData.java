package io.paystream.events.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The typed {@code data} of one domain event: one record per {@link DomainEventTypes type}, plus
 * {@link UnknownEventData} for a type this version of the contract does not know. Producers build a record and turn
 * it into the envelope ({@link DomainEvent#of(StripeOrigin, java.time.Instant, StripeChange)},
 * {@link DomainEvent#of(String, java.time.Instant, ConnectionStatusChanged)}); consumers get it back from
 * {@link DomainEvent#typedData()}.
 *
 * <p>A record's components are its part of {@code data}: their names are the JSON field names, their order the JSON
 * order; a {@code @Nullable} component may be JSON {@code null} (it is written as {@code null}, never left out), an
 * {@link java.time.Instant} is an ISO-8601 string, amounts are {@code Long} minor units.
 *
 * <p>Sealed, so a consumer on Java 21 or later can switch over it exhaustively; a new type in a later version of
 * shared-events then shows up at compile time, while an older consumer sees it as {@link UnknownEventData}.
 */
public sealed interface DomainEventData permits StripeChange, ConnectionStatusChanged, UnknownEventData {

    /** The CloudEvents {@code type} this data belongs to. */
    String type();

    /**
     * The fields this record puts into {@code data}, in JSON order, {@code null} values included (they are written as
     * JSON {@code null}), instants as ISO-8601 strings. A fresh mutable map on every call.
     *
     * <p>For a {@link StripeChange} these are the type's own fields only: the envelope's {@code data} starts with
     * the {@link StripeOrigin} fields.
     */
    default Map<String, @Nullable Object> toData() {
        // every permitted type is a record; UnknownEventData overrides this
        return RecordData.toData((Record) this);
    }
}
