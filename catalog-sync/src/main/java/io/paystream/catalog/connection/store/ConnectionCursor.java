package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.support.problem.StandardProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The position after the last item of a page: base64url of {@code scope|createdMillis|id|check}. The scope binds the
 * cursor to the filters it was issued for, the check (truncated SHA-256) catches edited or cut tokens. Not a secret:
 * a forged cursor can only skip within what the same request may list anyway.
 */
record ConnectionCursor(Instant createdAt, String id) {

    private static final int MAX_LENGTH = 512;

    String encode(String scope) {
        String payload = hash(scope) + '|' + createdAt.toEpochMilli() + '|' + id;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((payload + '|' + hash(payload)).getBytes(StandardCharsets.UTF_8));
    }

    static ConnectionCursor decode(String token, String scope) {
        try {
            if (token.length() > MAX_LENGTH) {
                throw invalid();
            }
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int check = text.lastIndexOf('|');
            if (check < 0 || !text.substring(check + 1).equals(hash(text.substring(0, check)))) {
                throw invalid();
            }
            String[] parts = text.substring(0, check).split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(hash(scope))) {
                throw new ConnectionRejectedException(
                        StandardProblem.INVALID_REQUEST, "cursor: it belongs to a list with other filters");
            }
            return new ConnectionCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (IllegalArgumentException e) { // bad base64 or number
            throw invalid();
        }
    }

    private static ConnectionRejectedException invalid() {
        return new ConnectionRejectedException(
                StandardProblem.INVALID_REQUEST, "cursor: malformed; pass nextCursor exactly as received");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
