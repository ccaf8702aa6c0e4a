package io.paystream.worker.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Stripe object fields into BSON-friendly values: String, Long, Boolean, Date, or null. */
public final class Fields {

    private Fields() {}

    /** A string field; an expanded object yields its {@code id}, so expansion settings do not change the state. */
    public static @Nullable String text(JsonNode object, String field) {
        JsonNode node = object.path(field);
        if (node.isObject()) {
            return node.path("id").asString(null);
        }
        return node.isString() ? node.stringValue() : null;
    }

    public static @Nullable Long number(JsonNode object, String field) {
        JsonNode node = object.path(field);
        return node.isNumber() ? node.longValue() : null;
    }

    public static @Nullable Boolean flag(JsonNode object, String field) {
        JsonNode node = object.path(field);
        return node.isBoolean() ? node.booleanValue() : null;
    }

    /** A unix-seconds field as a BSON date. */
    public static @Nullable Date time(JsonNode object, String field) {
        JsonNode node = object.path(field);
        return node.isIntegralNumber() ? new Date(node.longValue() * 1000) : null;
    }

    public static List<String> strings(JsonNode object, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : object.path(field)) {
            if (item.isString()) {
                values.add(item.stringValue());
            }
        }
        return values;
    }

    /** A stored BSON date as an instant, for domain-event data. */
    public static @Nullable Instant instant(Document state, String field) {
        Date date = state.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static boolean changed(@Nullable Document previous, Document next, String field) {
        return previous == null || !Objects.equals(previous.get(field), next.get(field));
    }

    public static long longOr(@Nullable Document document, String field, long fallback) {
        Object value = document == null ? null : document.get(field);
        return value instanceof Number n ? n.longValue() : fallback;
    }
}
