package io.paystream.worker.apply;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A meaningful state change a projection found, before the engine wraps it in a CloudEvent.
 *
 * @param type one of {@link io.paystream.events.domain.DomainEventTypes}
 * @param data the type-specific part of the payload; the engine adds ids, account and livemode
 */
public record DomainChange(String type, Map<String, @Nullable Object> data) {}
