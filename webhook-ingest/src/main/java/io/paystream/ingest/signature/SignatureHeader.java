package io.paystream.ingest.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, other schemes ignored.
 * Parsing never throws: any input, however hostile, yields a header or {@code null}.
 *
 * @param timestamp the signing time in Unix seconds
 * @param timestampBytes the timestamp as Stripe signs it (decimal ASCII, no leading zeros)
 * @param v1Signatures decoded {@code v1} signatures; {@code v1} values that are not 64 hex digits are dropped, as they
 *     cannot match
 */
record SignatureHeader(long timestamp, byte[] timestampBytes, List<byte[]> v1Signatures) {

    /** 18 digits cannot overflow a long, and cover every plausible Unix time. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private static final int SHA256_HEX_LENGTH = 64;

    /** The header, or {@code null} when it is not a well-formed signature header. */
    static @Nullable SignatureHeader parse(String header) {
        long timestamp = -1;
        List<byte[]> v1 = new ArrayList<>(2);
        int length = header.length();
        int start = 0;
        while (start <= length) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = skipSpaces(header, start, end);
            int to = trimSpaces(header, from, end);
            if (from < to) {
                int equals = header.indexOf('=', from);
                if (equals <= from || equals >= to) {
                    return null;
                }
                int keyEnd = trimSpaces(header, from, equals);
                int valueFrom = skipSpaces(header, equals + 1, to);
                if (isKey(header, from, keyEnd, "t")) {
                    if (timestamp >= 0) {
                        return null;
                    }
                    timestamp = parseTimestamp(header, valueFrom, to);
                    if (timestamp < 0) {
                        return null;
                    }
                } else if (isKey(header, from, keyEnd, "v1")) {
                    byte[] signature = decodeHex(header, valueFrom, to);
                    if (signature != null) {
                        v1.add(signature);
                    }
                }
                // v0 and unknown schemes are ignored on purpose: accepting them would allow a downgrade.
            }
            start = end + 1;
        }
        if (timestamp < 0) {
            return null;
        }
        return new SignatureHeader(timestamp, Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII), v1);
    }

    private static boolean isKey(String header, int from, int to, String key) {
        return to - from == key.length() && header.startsWith(key, from);
    }

    private static long parseTimestamp(String header, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > MAX_TIMESTAMP_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte @Nullable [] decodeHex(String header, int from, int to) {
        if (to - from != SHA256_HEX_LENGTH) {
            return null;
        }
        byte[] bytes = new byte[SHA256_HEX_LENGTH / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexValue(header.charAt(from + 2 * i));
            int low = hexValue(header.charAt(from + 2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    /** ASCII hex only: {@code Character.digit} would also accept other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int skipSpaces(String header, int from, int to) {
        while (from < to && header.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    private static int trimSpaces(String header, int from, int to) {
        while (to > from && header.charAt(to - 1) == ' ') {
            to--;
        }
        return to;
    }
}
