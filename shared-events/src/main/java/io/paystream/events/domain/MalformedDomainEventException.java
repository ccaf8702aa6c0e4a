package io.paystream.events.domain;

import org.jspecify.annotations.Nullable;

/**
 * A record on {@link io.paystream.events.Topics#PAYMENTS_EVENTS} that breaks the contract: not JSON, an envelope
 * attribute missing, or a known type whose {@code data} lacks a field or carries one of the wrong JSON type. An unknown
 * type is not malformed (see {@link UnknownEventData}). The message names the field, never the record's content.
 */
public class MalformedDomainEventException extends IllegalArgumentException {

    public MalformedDomainEventException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
