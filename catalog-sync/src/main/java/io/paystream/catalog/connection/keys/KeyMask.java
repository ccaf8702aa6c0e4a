package io.paystream.catalog.connection.keys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code sk_live_...abcd}: the prefix (type and mode) and the last four characters, what the Stripe Dashboard shows
 * too. Anything that does not look like a Stripe key is masked completely.
 */
final class KeyMask {

    private static final Pattern PREFIX = Pattern.compile("^((?:pk|sk|rk)_(?:live|test)_|whsec_)");
    private static final int VISIBLE = 4;
    private static final int MIN_HIDDEN = 8;

    private KeyMask() {}

    /** For fields that may be missing: {@code toString()} of a request that was not validated yet. */
    static @Nullable String maskIfPresent(@Nullable String key) {
        return key == null ? null : mask(key);
    }

    static String mask(String key) {
        String text = key.strip();
        Matcher prefix = PREFIX.matcher(text);
        String head = prefix.find() ? prefix.group(1) : "";
        String rest = text.substring(head.length());
        if (rest.length() < VISIBLE + MIN_HIDDEN) {
            return head + "...";
        }
        return head + "..." + rest.substring(rest.length() - VISIBLE);
    }
}
