package io.paystream.catalog.stripe;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cursor over JSON text that finds where values end and reads the top-level string fields of an object, without
 * tokenizing what it passes over.
 *
 * <p>Why hand-written: cutting a list page with Jackson's streaming parser reads every name and value inside every
 * object only to skip it (name canonicalisation, token by token). That was a third of a backfill's listing thread
 * (JFR, bench/README.md), for answers of 100 objects of a few KB each. Passing over a value here is one loop over its
 * characters that tracks strings and depth.
 *
 * <p>What it checks: the structure it walks (objects, arrays, strings, separators, unexpected ends); a malformed
 * answer is refused with an {@link IllegalStateException}. What it does not check: the inside of numbers and literals,
 * and whether a closing bracket matches its opener's kind. Every object it cuts is parsed in full by whoever applies
 * it (payment-worker, the catalog's writer), and one that does not parse is dead-lettered there.
 */
final class JsonSkim {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String text;
    private final int length;
    private int pos;

    JsonSkim(String text) {
        this.text = text;
        this.length = text.length();
    }

    int position() {
        return pos;
    }

    /** The next character after whitespace, not consumed. */
    char peek() {
        skipWhitespace();
        if (pos >= length) {
            throw malformed("ends too early");
        }
        return text.charAt(pos);
    }

    void expect(char expected) {
        if (peek() != expected) {
            throw malformed("expected '" + expected + "'");
        }
        pos++;
    }

    /** Consumes {@code c} when it is next (after whitespace). */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code literal} (e.g. {@code true}) when it is next. */
    boolean consumeLiteral(String literal) {
        skipWhitespace();
        if (text.startsWith(literal, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    /** After the last value: only whitespace may follow. */
    void expectEnd() {
        skipWhitespace();
        if (pos != length) {
            throw malformed("has text after its end");
        }
    }

    /** Reads a string value, escapes decoded. */
    String readString() {
        expect('"');
        int start = pos;
        boolean escapes = passString();
        String raw = text.substring(start, pos - 1);
        // Stripe's names and ids never hold escapes; the rare string that does is decoded by Jackson
        return escapes ? JSON.readValue('"' + raw + '"', String.class) : raw;
    }

    /** Passes over one value of any kind. */
    void skipValue() {
        char first = peek();
        if (first == '"') {
            pos++;
            passString();
        } else if (first == '{' || first == '[') {
            passContainer();
        } else {
            int start = pos;
            while (pos < length && !endsPrimitive(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw malformed("expected a value");
            }
        }
    }

    /**
     * Passes over the object that starts next, keeping its top-level string fields {@code object} and {@code id}.
     *
     * @return the fields, with the object's first and past-last positions in the text
     */
    ObjectSpan readObject() {
        if (peek() != '{') {
            throw malformed("expected an object");
        }
        int start = pos++;
        @Nullable String type = null;
        @Nullable String id = null;
        if (!consume('}')) {
            do {
                String name = readString();
                expect(':');
                boolean wanted = name.equals("object") || name.equals("id");
                if (wanted && peek() == '"') {
                    String value = readString();
                    if (name.equals("object")) {
                        type = value;
                    } else {
                        id = value;
                    }
                } else {
                    skipValue();
                }
            } while (consume(','));
            expect('}');
        }
        return new ObjectSpan(start, pos, type, id);
    }

    /** An object's place in the text and its identifying fields (null when absent or not strings). */
    record ObjectSpan(
            int start,
            int end,
            @Nullable String type,
            @Nullable String id) {}

    /** From just after an opening quote to just after the closing one; true when the string held escapes. */
    private boolean passString() {
        boolean escapes = false;
        while (pos < length) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return escapes;
            }
            if (c == '\\') {
                escapes = true;
                pos++;
            }
        }
        throw malformed("has an unterminated string");
    }

    private void passContainer() {
        int depth = 0;
        do {
            if (pos >= length) {
                throw malformed("has an unterminated object or array");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                passString();
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private static boolean endsPrimitive(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private IllegalStateException malformed(String what) {
        return new IllegalStateException("the answer is not well-formed JSON: it " + what + " at character " + pos);
    }
}
