package io.paystream.emulator;

import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/** An ordered JSON object: Stripe's objects list their fields in a stable order, and so do ours. */
final class JsonMap extends LinkedHashMap<String, @Nullable Object> {

    JsonMap() {}

    JsonMap(java.util.Map<String, Object> fields) {
        super(fields);
    }

    JsonMap with(String key, @Nullable Object value) {
        put(key, value);
        return this;
    }

    static JsonMap object(String type, String id) {
        return new JsonMap().with("id", id).with("object", type);
    }
}
