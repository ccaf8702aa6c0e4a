package io.paystream.ingest.webhook;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A validating cursor over a JSON document in UTF-8 bytes, for {@link StripeEventParser}: it decodes the few values it
 * is asked for and skips everything else, checking RFC 8259's grammar as it goes (strings and their escapes, numbers,
 * literals, nesting up to {@value #MAX_DEPTH}).
 *
 * <p>Hand-written, not Jackson's streaming parser, which the ingest used before: Jackson tokenizes every value it
 * skips and hashes every field name it passes into its symbol table, and an event's routing fields are a dozen of its
 * hundreds. That was 40% of the ingest's CPU in the stack's runs (JFR); skipping is a scan of bytes here. What it does
 * not check: that the bytes of a skipped string are well-formed UTF-8 (strings it decodes replace malformed sequences,
 * as {@link String#String(byte[], java.nio.charset.Charset)} does).
 *
 * <p>Every violation throws {@link Malformed}; the parser answers it as invalid JSON.
 */
final class JsonCursor {

    /** Jackson's default nesting limit, which the ingest enforced before. */
    static final int MAX_DEPTH = 500;

    /** The document is not JSON. Carries no message: the caller must never echo the input. */
    static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private final byte[] bytes;
    private int at;

    /** True right after an object's opening brace: its first name comes without a comma. */
    private boolean first;

    /** Objects opened by {@link #startObject} and not yet closed: values skipped inside start at this depth. */
    private int depth;

    JsonCursor(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            at = 3; // a UTF-8 byte order mark, which Jackson skipped too
        }
    }

    /** The next value's first byte, after whitespace; -1 at the end of the document. */
    int peek() {
        skipWhitespace();
        return at < bytes.length ? bytes[at] & 0xFF : -1;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        return peek() == -1;
    }

    /**
     * Consumes the {@code '{'} that {@link #peek} found, to read the object name by name with {@link #nextName}; a
     * nested object is read by calling this again at its value.
     */
    void startObject() {
        if (depth >= MAX_DEPTH) {
            throw new Malformed();
        }
        expect('{');
        depth++;
        first = true;
    }

    /**
     * The next field name of the innermost object being read, the cursor then at its value; null once its closing
     * brace is consumed. Each value must be read or skipped before the next name.
     */
    @Nullable
    String nextName() {
        int next = peek();
        if (next == '}') {
            at++;
            depth--;
            first = false;
            return null;
        }
        if (!first) {
            expect(',');
        }
        first = false;
        if (peek() != '"') {
            throw new Malformed();
        }
        String name = string();
        expect(':');
        return name;
    }

    /** The value at the cursor if it is a string, else null (the value skipped). */
    @Nullable
    String stringOrSkip() {
        if (peek() == '"') {
            return string();
        }
        skipValue();
        return null;
    }

    /** The value at the cursor if it is {@code true} or {@code false}, else null (the value skipped). */
    @Nullable
    Boolean booleanOrSkip() {
        int next = peek();
        if (next == 't' && literal("true")) {
            return Boolean.TRUE;
        }
        if (next == 'f' && literal("false")) {
            return Boolean.FALSE;
        }
        skipValue();
        return null;
    }

    /**
     * The value at the cursor if it is an integer number that fits a long ({@code -?digits}, no fraction or exponent),
     * else null; any other value is skipped.
     */
    @Nullable
    Long integerOrSkip() {
        int next = peek();
        if (next != '-' && (next < '0' || next > '9')) {
            skipValue();
            return null;
        }
        int start = at;
        boolean integral = number();
        if (!integral) {
            return null;
        }
        try {
            return Long.parseLong(new String(bytes, start, at - start, StandardCharsets.US_ASCII));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** Skips the value at the cursor, whatever it is, checking it. */
    void skipValue() {
        skipValue(depth);
    }

    private void skipValue(int depth) {
        int next = peek();
        switch (next) {
            case '{' -> {
                if (openedEmpty(depth, '}')) {
                    return;
                }
                do {
                    if (peek() != '"') {
                        throw new Malformed();
                    }
                    skipString();
                    expect(':');
                    skipValue(depth + 1);
                } while (separator('}'));
            }
            case '[' -> {
                if (openedEmpty(depth, ']')) {
                    return;
                }
                do {
                    skipValue(depth + 1);
                } while (separator(']'));
            }
            case '"' -> skipString();
            case 't' -> requireLiteral("true");
            case 'f' -> requireLiteral("false");
            case 'n' -> requireLiteral("null");
            default -> {
                if (next == '-' || (next >= '0' && next <= '9')) {
                    number();
                } else {
                    throw new Malformed();
                }
            }
        }
    }

    /** Consumes an object's or array's opening at {@code depth}; true when it is empty (its {@code close} consumed). */
    private boolean openedEmpty(int depth, char close) {
        if (depth >= MAX_DEPTH) {
            throw new Malformed();
        }
        at++;
        if (peek() == close) {
            at++;
            return true;
        }
        return false;
    }

    /** After a member or element: true at a comma (another follows), false at {@code close} (consumed). */
    private boolean separator(char close) {
        int next = peek();
        if (next == ',') {
            at++;
            return true;
        }
        if (next == close) {
            at++;
            return false;
        }
        throw new Malformed();
    }

    /** Reads the string at the cursor (its opening quote), decoding escapes. */
    private String string() {
        int start = ++at;
        while (at < bytes.length) {
            int b = bytes[at] & 0xFF;
            if (b == '"') {
                return new String(bytes, start, at++ - start, StandardCharsets.UTF_8);
            }
            if (b == '\\') {
                return escapedString(start);
            }
            if (b < 0x20) {
                throw new Malformed();
            }
            at++;
        }
        throw new Malformed();
    }

    /** The rest of a string from its first backslash on. */
    private String escapedString(int start) {
        StringBuilder text = new StringBuilder(new String(bytes, start, at - start, StandardCharsets.UTF_8));
        int run = at;
        while (at < bytes.length) {
            int b = bytes[at] & 0xFF;
            if (b == '"') {
                text.append(new String(bytes, run, at++ - run, StandardCharsets.UTF_8));
                return text.toString();
            }
            if (b < 0x20) {
                throw new Malformed();
            }
            if (b != '\\') {
                at++;
                continue;
            }
            text.append(new String(bytes, run, at - run, StandardCharsets.UTF_8));
            if (++at >= bytes.length) {
                throw new Malformed();
            }
            switch (bytes[at++]) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) hex4());
                default -> throw new Malformed();
            }
            run = at;
        }
        throw new Malformed();
    }

    private void skipString() {
        at++;
        while (at < bytes.length) {
            int b = bytes[at++] & 0xFF;
            if (b == '"') {
                return;
            }
            if (b < 0x20) {
                throw new Malformed();
            }
            if (b == '\\') {
                if (at >= bytes.length) {
                    throw new Malformed();
                }
                switch (bytes[at++]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
                    case 'u' -> hex4();
                    default -> throw new Malformed();
                }
            }
        }
        throw new Malformed();
    }

    private int hex4() {
        if (at + 4 > bytes.length) {
            throw new Malformed();
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(bytes[at++], 16);
            if (digit < 0) {
                throw new Malformed();
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** Skips a number, checking its grammar; true when it has neither fraction nor exponent. */
    private boolean number() {
        if (bytes[at] == '-') {
            at++;
        }
        if (at >= bytes.length) {
            throw new Malformed();
        }
        if (bytes[at] == '0') {
            at++;
        } else if (!digits()) {
            throw new Malformed();
        }
        boolean integral = true;
        if (at < bytes.length && bytes[at] == '.') {
            at++;
            integral = false;
            if (!digits()) {
                throw new Malformed();
            }
        }
        if (at < bytes.length && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            integral = false;
            if (at < bytes.length && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            if (!digits()) {
                throw new Malformed();
            }
        }
        return integral;
    }

    /** Skips one or more digits; false when there is none. */
    private boolean digits() {
        int start = at;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at > start;
    }

    private void requireLiteral(String literal) {
        if (!literal(literal)) {
            throw new Malformed();
        }
    }

    /** Consumes {@code literal} when the cursor is at it. */
    private boolean literal(String literal) {
        int length = literal.length();
        if (at + length > bytes.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        at += length;
        return true;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Malformed();
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < bytes.length) {
            byte b = bytes[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            at++;
        }
    }
}
