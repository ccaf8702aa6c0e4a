package io.paystream.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to decoded request parameters, failing with Stripe's 400 messages. Nested params carry their full
 * bracketed name ({@code recurring[interval]}) into errors, as Stripe reports them.
 */
final class Params {

    private final Map<String, Object> values;
    private final String prefix;

    Params(Map<String, Object> values) {
        this(values, "");
    }

    private Params(Map<String, Object> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    String name(String key) {
        return prefix.isEmpty() ? key : prefix + "[" + key + "]";
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    boolean isObject(String key) {
        return values.get(key) instanceof Map;
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** Rejects any top-level parameter this endpoint does not take, as Stripe does. */
    Params allowOnly(Collection<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key) && !key.equals("expand")) {
                throw ApiError.unknownParam(name(key));
            }
        }
        return this;
    }

    @Nullable
    String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw ApiError.invalid("Invalid string: " + name(key), name(key));
        }
        return (String) value;
    }

    String requiredString(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            throw ApiError.missingParam(name(key));
        }
        return value;
    }

    /** A string where an empty value means "unset", as in Stripe's update calls. */
    @Nullable
    String nullableString(String key) {
        String value = string(key);
        return value == null || value.isEmpty() ? null : value;
    }

    @Nullable
    Boolean bool(String key) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        if (value.equals("true")) {
            return Boolean.TRUE;
        }
        if (value.equals("false")) {
            return Boolean.FALSE;
        }
        throw ApiError.invalid("Invalid boolean: " + value, name(key));
    }

    @Nullable
    Long integer(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid integer: " + value, name(key));
        }
    }

    Params child(String key) {
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return new Params(Map.of(), name(key));
        }
        if (value instanceof List<?> list) {
            // metadata[0]=x decodes as a list; as an object it is a map keyed by those digits
            Map<String, Object> byIndex = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                byIndex.put(String.valueOf(i), list.get(i));
            }
            return new Params(byIndex, name(key));
        }
        if (!(value instanceof Map)) {
            throw ApiError.invalid("Invalid object", name(key));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return new Params(map, name(key));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** A list param; a single value counts as a one-element list. */
    @Nullable
    List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        if (!(value instanceof List<?> list)) {
            throw ApiError.invalid("Invalid array", name(key));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw ApiError.invalid("Invalid string: " + name(key) + "[" + i + "]", name(key) + "[" + i + "]");
            }
            out.add(text);
        }
        return out;
    }

    List<Params> objects(String key) {
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ApiError.invalid("Invalid array", name(key));
        }
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw ApiError.invalid("Invalid object", name(key) + "[" + i + "]");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            out.add(new Params(typed, name(key) + "[" + i + "]"));
        }
        return out;
    }

    /**
     * Applies a {@code metadata} param to existing metadata with Stripe's rules: {@code metadata=} clears all,
     * {@code metadata[k]=} removes k, other values set.
     */
    Map<String, String> mergeMetadata(Map<String, String> current) {
        Object value = values.get("metadata");
        if (value == null) {
            return current;
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        if ("".equals(value)) {
            return new LinkedHashMap<>();
        }
        Params metadata = child("metadata");
        for (String key : metadata.keys()) {
            String text = metadata.string(key);
            if (text == null || text.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, text);
            }
        }
        return merged;
    }
}
