package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/**
 * An event the emulator recorded and sent, for tests to compare with what arrived.
 *
 * @param id the event id ({@code evt_...})
 * @param type e.g. {@code payment_intent.succeeded}, or {@code v1.customer.updated} for a thin event
 * @param objectType {@code data.object.object} ({@code related_object.type} for a thin event)
 * @param objectId {@code data.object.id}; null for objects without one (the balance)
 */
public record EmulatedEvent(
        String id, String type, String objectType, @Nullable String objectId) {}
