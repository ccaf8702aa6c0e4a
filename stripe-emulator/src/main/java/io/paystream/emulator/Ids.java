package io.paystream.emulator;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stripe-looking ids whose lexical order is creation order: a base62 sequence number, then random characters. List
 * order (created desc, then id desc) is therefore a total order that new objects never disturb.
 */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Starts from the clock so ids look varied and differ between runs; only their order matters. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Reserves {@code count} consecutive sequence numbers and returns the first. */
    long reserve(long count) {
        return sequence.getAndAdd(count) + 1;
    }

    static String id(String prefix, long sequence) {
        return prefix + base62(sequence, 9) + random(5);
    }

    /**
     * A seeded object's id: like {@link #id} but with a tail derived from the sequence instead of random, so the id
     * can be computed again from the sequence alone and seeded objects need no stored id.
     */
    static String derivedId(String prefix, long sequence) {
        long mixed = sequence * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return prefix + base62(sequence, 9) + base62(mixed & Long.MAX_VALUE, 5);
    }

    /** The sequence an id made by {@link #id} or {@link #derivedId} carries after its prefix, or -1. */
    static long sequenceOf(String id, String prefix) {
        if (!id.startsWith(prefix) || id.length() < prefix.length() + 9) {
            return -1;
        }
        long value = 0;
        for (int i = prefix.length(); i < prefix.length() + 9; i++) {
            int digit = BASE62.indexOf(id.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 62 + digit;
        }
        return value;
    }

    static String requestId() {
        return "req_" + random(14);
    }

    static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    static String base62(long value, int width) {
        char[] digits = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(digits);
    }

    /** Deterministic base62 text, one character per byte, for keys derived from an account id. */
    static String base62(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt((bytes[i] & 0xff) % 62));
        }
        return out.toString();
    }
}
