package io.paystream.catalog.connection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sk_live_...abcd}: the prefix (type and mode) and the last four characters, what the Stripe Dashboard shows
 * too. Anything that does not look like a Stripe key is masked completely.
 */
final class KeyMask {

    private static final Pattern PREFIX = Pattern.compile("^((?:pk|sk|rk)_(?:live|test)_|whsec_)");
    private static final int VISIBLE = 4;
    private static final int MIN_HIDDEN = 8;

    private KeyMask() {}

    static String mask(String key) {
        if (key == null) {
            return null;
        }
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
