package io.paystream.events.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of a type this version of shared-events does not know, as read: a newer producer's type reaches an
 * older consumer as this instead of an error, so consumers can skip it (and still de-duplicate by the event id).
 *
 * @param type the event's {@code type}
 * @param data the {@code data} object as Jackson read it: strings, numbers, booleans, nulls, lists and maps
 */
public record UnknownEventData(String type, Map<String, @Nullable Object> data) implements DomainEventData {

    public UnknownEventData {
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    @Override
    public Map<String, @Nullable Object> toData() {
        return new LinkedHashMap<>(data);
    }
}
