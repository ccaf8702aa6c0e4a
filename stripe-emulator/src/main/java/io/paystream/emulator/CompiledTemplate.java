package io.paystream.emulator;

import io.paystream.testsupport.StripeFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SeedTemplates.Template} compiled once into JSON text with holes, so a seeded object is written straight as
 * text: no tree copied, no timestamp regex run and no {@code String.replace} per object, and no map for Jackson to
 * walk. A backfill benchmark lists 500,000+ seeded objects from an emulator that shares two cores with the system
 * under test; this costs a fraction of rendering and serialising the tree.
 *
 * <p>The contract is {@link SeedTemplates.Template#render} followed by {@code putAll(overrides)}, then serialising with
 * {@link Json}: the same fields, values and order, byte for byte (CompiledTemplateTest holds both to it). To keep it
 * so, every decision is the reference's own, taken once per template node instead of once per object: a
 * {@code livemode} boolean and a {@link Timestamps#isTimestamp} field become holes, and a string holding
 * {@value StripeFixtures#RUN_TOKEN} goes through the reference's replacements with a private-use marker character in
 * place of each id, which {@link Json} then escapes like any text, leaving the markers to split on. Every literal is
 * Jackson's own output. Top-level fields are kept apart so {@code overrides} (amounts, statuses ...) replace them in
 * place, as {@code put} on the reference's map does; names the template lacks are appended in order.
 */
final class CompiledTemplate {

    /** Id values are marked {@code MARK + index}; the run is the value after the ids. */
    private static final char MARK = '\uE000';

    private static final Object LIVEMODE = new Object();
    private static final Object OVERRIDDEN_NULL = new Object();
    private static final byte[] TRUE = utf8("true");
    private static final byte[] FALSE = utf8("false");
    private static final byte[] NULL = utf8("null");

    /** A timestamp hole: the template's value, written shifted. */
    private record Stamp(long value) {}

    /** An id hole: {@code values[index]}, written as string content. */
    private record Id(int index) {}

    private final List<String> tokens;
    /** {@code "name":} of each top-level field, after a comma but for the first. */
    private final byte[][] names;
    /** Literal UTF-8, {@link Stamp}s, {@link Id}s and {@link #LIVEMODE} of each top-level field's value. */
    private final Object[][] values;

    private final Map<String, Integer> slots = new HashMap<>();
    private final int lengthHint;

    CompiledTemplate(Map<String, Object> tree, List<String> tokens) {
        this.tokens = tokens;
        this.names = new byte[tree.size()][];
        this.values = new Object[tree.size()][];
        int length = 2;
        int slot = 0;
        for (Map.Entry<String, Object> field : tree.entrySet()) {
            slots.put(field.getKey(), slot);
            names[slot] = utf8((slot == 0 ? "" : ",") + text(field.getKey()) + ":");
            Parts parts = new Parts();
            entry(field.getKey(), field.getValue(), parts);
            values[slot] = parts.finish();
            length += names[slot].length + parts.length;
            slot++;
        }
        this.lengthHint = length + 64;
    }

    /**
     * The object as UTF-8 JSON: timestamps shifted by {@code shift}, {@code ids} (in the template's token order) and
     * the run in place of the fixture's, then {@code overrides} applied as {@code put}s.
     */
    byte[] write(long shift, boolean livemode, String run, String[] ids, Map<String, ?> overrides) {
        byte[][] holes = new byte[ids.length + 1][];
        for (int i = 0; i < ids.length; i++) {
            holes[i] = utf8(content(ids[i]));
        }
        holes[ids.length] = utf8(content(run));
        @Nullable Object[] replaced = new Object[names.length];
        List<Map.Entry<String, ?>> appended = null;
        for (Map.Entry<String, ?> override : overrides.entrySet()) {
            Integer slot = slots.get(override.getKey());
            if (slot != null) {
                replaced[slot] = override.getValue() == null ? OVERRIDDEN_NULL : override.getValue();
            } else {
                appended = appended == null ? new ArrayList<>() : appended;
                appended.add(override);
            }
        }
        Utf8Buffer out = new Utf8Buffer(lengthHint + 32 * ids.length);
        out.add('{');
        for (int slot = 0; slot < names.length; slot++) {
            out.add(names[slot]);
            Object value = replaced[slot];
            if (value == null) {
                writeParts(out, values[slot], shift, livemode, holes);
            } else {
                writeValue(out, value == OVERRIDDEN_NULL ? null : value);
            }
        }
        if (appended != null) {
            for (Map.Entry<String, ?> field : appended) {
                out.add(utf8((out.length() > 1 ? "," : "") + text(field.getKey()) + ":"));
                writeValue(out, field.getValue());
            }
        }
        out.add('}');
        return out.toByteArray();
    }

    private static void writeParts(Utf8Buffer out, Object[] parts, long shift, boolean livemode, byte[][] holes) {
        for (Object part : parts) {
            if (part instanceof byte[] literal) {
                out.add(literal);
            } else if (part instanceof Stamp stamp) {
                out.add(stamp.value + shift);
            } else if (part instanceof Id id) {
                out.add(holes[id.index]);
            } else {
                out.add(livemode ? TRUE : FALSE);
            }
        }
    }

    /** An override value, as Jackson writes it; the common scalars without Jackson. */
    private static void writeValue(Utf8Buffer out, @Nullable Object value) {
        if (value == null) {
            out.add(NULL);
        } else if (value instanceof String text) {
            out.add('"');
            out.add(utf8(content(text)));
            out.add('"');
        } else if (value instanceof Long || value instanceof Integer) {
            out.add(((Number) value).longValue());
        } else {
            out.add(utf8(text(value)));
        }
    }

    /** A string's JSON content without quotes: as is when nothing in it needs escaping (ids, names, emails). */
    private static String content(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                String quoted = text(value);
                return quoted.substring(1, quoted.length() - 1);
            }
        }
        return value;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return new String(Json.bytes(value), StandardCharsets.UTF_8);
    }

    /** A map entry's value, decided as {@code SeedTemplates.Template.copy} decides it. */
    private void entry(String name, @Nullable Object value, Parts parts) {
        if (name.equals("livemode") && value instanceof Boolean) {
            parts.hole(LIVEMODE);
        } else if (value != null && Timestamps.isTimestamp(name, value)) {
            parts.hole(new Stamp(((Number) value).longValue()));
        } else {
            value(value, parts);
        }
    }

    /** Any other value, as {@code SeedTemplates.Template.copyValue} copies it. */
    @SuppressWarnings("unchecked")
    private void value(@Nullable Object value, Parts parts) {
        if (value instanceof Map<?, ?> map) {
            parts.literal("{");
            String separator = "";
            for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
                parts.literal(separator + text(field.getKey()) + ":");
                entry(field.getKey(), field.getValue(), parts);
                separator = ",";
            }
            parts.literal("}");
        } else if (value instanceof List<?> list) {
            parts.literal("[");
            for (int i = 0; i < list.size(); i++) {
                parts.literal(i == 0 ? "" : ",");
                value(list.get(i), parts);
            }
            parts.literal("]");
        } else if (value instanceof String text && text.contains(StripeFixtures.RUN_TOKEN)) {
            template(text, parts);
        } else {
            parts.literal(value == null ? "null" : text(value));
        }
    }

    /**
     * The reference's replacements with markers for values, then Jackson's escaping, then holes at the markers. The
     * same as replacing with the values themselves because no value (a prefix and base62, a run) holds a fixture token
     * or {@value StripeFixtures#RUN_TOKEN}, so none makes or breaks a later replacement's match.
     */
    private void template(String text, Parts parts) {
        if (text.chars().anyMatch(c -> c >= MARK && c <= MARK + tokens.size())) {
            throw new IllegalStateException("a fixture string holds a private-use character: " + text);
        }
        String marked = text;
        for (int i = 0; i < tokens.size(); i++) {
            marked = marked.replace(tokens.get(i), String.valueOf((char) (MARK + i)));
        }
        marked = marked.replace(SeedTemplates.PRO_PRICE_TOKEN, SeedTemplates.PRO_PRICE)
                .replace(StripeFixtures.RUN_TOKEN, String.valueOf((char) (MARK + tokens.size())));
        String json = text(marked);
        int from = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= MARK && c <= MARK + tokens.size()) {
                parts.literal(json.substring(from, i));
                parts.hole(new Id(c - MARK));
                from = i + 1;
            }
        }
        parts.literal(json.substring(from));
    }

    /** Literal text merged between holes: a subtree with nothing to substitute is one string. */
    private static final class Parts {
        private final List<Object> parts = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        int length;

        void literal(String text) {
            pending.append(text);
            length += text.length();
        }

        void hole(Object hole) {
            flush();
            parts.add(hole);
            length += 20;
        }

        Object[] finish() {
            flush();
            return parts.toArray();
        }

        private void flush() {
            if (!pending.isEmpty()) {
                parts.add(utf8(pending.toString()));
                pending.setLength(0);
            }
        }
    }
}
