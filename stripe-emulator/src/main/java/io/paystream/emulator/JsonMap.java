package io.paystream.emulator;

import java.util.LinkedHashMap;

/** An ordered JSON object: Stripe's objects list their fields in a stable order, and so do ours. */
final class JsonMap extends LinkedHashMap<String, Object> {

    JsonMap with(String key, Object value) {
        put(key, value);
        return this;
    }

    static JsonMap object(String type, String id) {
        return new JsonMap().with("id", id).with("object", type);
    }
}
