package io.paystream.catalog.query;

import io.paystream.catalog.ApiProblems;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset cursor of the product list: the last {@code _id} of a page, bound to the filters it was issued for so it
 * cannot be replayed against another list. Opaque to clients (base64url); not a secret, as a forged cursor can only
 * skip within what the same request may list anyway.
 */
final class ProductCursor {

    private static final int MAX_LENGTH = 1024;

    private ProductCursor() {}

    static String encode(String scope, String lastId) {
        String token = Integer.toHexString(scope.hashCode()) + '\n' + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the last id of the previous page */
    static String decode(String scope, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw malformed();
        }
        String token;
        try {
            token = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int split = token.indexOf('\n');
        if (split < 0 || split == token.length() - 1) {
            throw malformed();
        }
        if (!token.substring(0, split).equals(Integer.toHexString(scope.hashCode()))) {
            throw ApiProblems.badParameter("cursor", "the cursor belongs to a list with other filters");
        }
        return token.substring(split + 1);
    }

    private static RuntimeException malformed() {
        return ApiProblems.badParameter("cursor", "malformed; pass nextCursor exactly as received");
    }
}
