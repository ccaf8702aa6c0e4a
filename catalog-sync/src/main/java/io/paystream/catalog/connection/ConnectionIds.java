package io.paystream.catalog.connection;

import java.security.SecureRandom;

/**
 * {@code conn_} and 24 random base62 characters (about 143 bits): unguessable, since the id is also the path of the
 * connection's webhook endpoint, and safe in URLs, Kafka keys and key ids.
 */
public final class ConnectionIds {

    static final String PREFIX = "conn_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectionIds() {}

    public static String next() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
