package io.paystream.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Stripe's form encoding ({@code metadata[k]=v}, {@code recurring[interval]=month},
 * {@code enabled_events[0]=a}, {@code enabled_events[]=a}) into nested maps and lists. Hand-written because no small
 * library decodes this bracket dialect and the emulator must accept exactly what stripe-java sends.
 */
final class FormDecoder {

    private FormDecoder() {}

    static Map<String, Object> decode(@Nullable String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decodePart(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodePart(pair.substring(equals + 1));
            insert(root, segments(key), value);
        }
        return normalise(root);
    }

    private static String decodePart(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ApiError.invalid("Invalid URL encoding in request: " + malformed.getMessage(), null);
        }
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        int position = open;
        while (position < key.length() && key.charAt(position) == '[') {
            int close = key.indexOf(']', position);
            if (close < 0) {
                throw ApiError.invalid("Invalid parameter name: " + key, key);
            }
            segments.add(key.substring(position + 1, close));
            position = close + 1;
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, List<String> segments, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            String segment = indexFor(node, segments.get(i));
            Object child = node.get(segment);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(segment, child);
            }
            node = (Map<String, Object>) child;
        }
        String last = indexFor(node, segments.get(segments.size() - 1));
        if (value.isEmpty() && node.get(last) instanceof Map) {
            return;
        }
        node.put(last, value);
    }

    /** {@code []} appends: it takes the next free index. */
    private static String indexFor(Map<String, Object> node, String segment) {
        return segment.isEmpty() ? String.valueOf(node.size()) : segment;
    }

    /** Maps whose keys are all indexes become lists, in index order. */
    @SuppressWarnings("unchecked")
    private static <T> T normalise(Map<String, Object> node) {
        node.replaceAll((key, value) -> value instanceof Map ? normalise((Map<String, Object>) value) : value);
        if (!node.isEmpty() && node.keySet().stream().allMatch(FormDecoder::isIndex)) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            node.forEach((key, value) -> ordered.put(Integer.parseInt(key), value));
            return (T) new ArrayList<>(ordered.values());
        }
        return (T) node;
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 6 && key.chars().allMatch(Character::isDigit);
    }
}
