package io.paystream.worker.query;

import io.paystream.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sort key of the last item of a page, as an opaque token: base64url of {@code scope-hash|created-millis|id|check}.
 * The check (a truncated SHA-256 of the rest) catches edited or truncated cursors and the scope hash catches a cursor
 * reused with other filters; it is an integrity check, not a secret, since a forged cursor can only skip within data
 * the same request could list anyway.
 *
 * @param created the last item's Stripe {@code created}, null when it has none (such items sort last)
 * @param id the last item's id
 */
record PageCursor(@Nullable Instant created, String id) {

    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final HexFormat HEX = HexFormat.of();

    String encode(String scope) {
        String payload = hash(scope) + "|" + (created == null ? "" : created.toEpochMilli()) + "|" + id;
        String token = payload + "|" + hash(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 on {@code cursor} when the token was not issued by {@link #encode} for this scope */
    static PageCursor decode(String token, String scope) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // The decoder ignores the unused low bits of the last character: only the canonical spelling is accepted.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(token)) {
            throw invalid();
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int checkAt = text.lastIndexOf('|');
        if (checkAt < 0
                || !MessageDigest.isEqual(
                        bytes(hash(text.substring(0, checkAt))), bytes(text.substring(checkAt + 1)))) {
            throw invalid();
        }
        String[] parts = text.substring(0, checkAt).split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(hash(scope)) || parts[2].isEmpty()) {
            throw invalid("the cursor belongs to a list with other filters or mode");
        }
        try {
            Instant created = parts[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[1]));
            return new PageCursor(created, parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return invalid("the cursor is malformed; pass a nextCursor exactly as received");
    }

    private static ProblemException invalid(String rule) {
        return ProblemException.invalid(QueryProblems.INVALID_PARAMETER, Map.of("cursor", rule));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(text));
            return HEX.formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
