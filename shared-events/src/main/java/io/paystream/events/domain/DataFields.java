package io.paystream.events.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code data} fields into the records' Java types, the inverse of {@link DataMap}. Accepts what Jackson makes
 * of the JSON ({@link Integer}, {@link Long} or {@link BigInteger} for integers). A field the contract guarantees that
 * is missing, null or of another JSON type is a {@link MalformedDomainEventException}; an optional one may be missing or
 * null.
 */
final class DataFields {

    private final String type;
    private final Map<String, @Nullable Object> data;

    DataFields(String type, Map<String, @Nullable Object> data) {
        this.type = type;
        this.data = data;
    }

    String string(String field) {
        return required(field, optionalString(field), "a string");
    }

    @Nullable
    String optionalString(String field) {
        Object value = data.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(field, "a string");
    }

    long number(String field) {
        return required(field, optionalNumber(field), "an integer");
    }

    @Nullable
    Long optionalNumber(String field) {
        Object value = data.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw wrongType(field, "an integer that fits a long");
    }

    boolean flag(String field) {
        return required(field, optionalFlag(field), "a boolean");
    }

    @Nullable
    Boolean optionalFlag(String field) {
        Object value = data.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(field, "a boolean");
    }

    Instant instant(String field) {
        return required(field, optionalInstant(field), "an ISO-8601 instant");
    }

    @Nullable
    Instant optionalInstant(String field) {
        String value = optionalString(field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedDomainEventException(where(field) + " must be an ISO-8601 instant", e);
        }
    }

    List<String> strings(String field) {
        Object value = data.get(field);
        if (!(value instanceof List<?> list)) {
            throw wrongType(field, "an array of strings");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw wrongType(field, "an array of strings");
            }
            strings.add(text);
        }
        return strings;
    }

    private <T> T required(String field, @Nullable T value, String expected) {
        if (value == null) {
            throw wrongType(field, expected);
        }
        return value;
    }

    private MalformedDomainEventException wrongType(String field, String expected) {
        return new MalformedDomainEventException(where(field) + " must be " + expected, null);
    }

    private String where(String field) {
        return "data." + field + " of " + type;
    }
}
