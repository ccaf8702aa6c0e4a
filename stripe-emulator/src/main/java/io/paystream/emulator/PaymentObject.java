package io.paystream.emulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A payment object in a list: one stored as JSON, or a seeded one rendered on demand. */
abstract class PaymentObject extends Listed {

    PaymentObject(String id, long sequence, long created) {
        super(id, sequence, created);
    }

    /**
     * The value of a (dotted) field as list filters compare it: a string, or the id of an expanded object; null when
     * absent.
     */
    abstract @Nullable String field(String path);

    /** Walks a dotted path through nested JSON objects. */
    static @Nullable String field(Map<String, ?> json, String path) {
        Object value = json;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        if (value instanceof Map<?, ?> expanded) {
            value = expanded.get("id");
        }
        return value instanceof String text ? text : null;
    }
}
