package io.paystream.catalog.stripe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Stripe secret and restricted keys: which mode they belong to, and how they may be shown. */
public final class StripeKeys {

    private static final Pattern KEY = Pattern.compile("\\b([sr]k_(?:test|live)_)[A-Za-z0-9]+");

    private StripeKeys() {}

    /** True for {@code sk_test_...} and {@code rk_test_...}. */
    public static boolean isTestKey(String key) {
        return key.startsWith("sk_test_") || key.startsWith("rk_test_");
    }

    /** True for {@code sk_live_...} and {@code rk_live_...}. */
    public static boolean isLiveKey(String key) {
        return key.startsWith("sk_live_") || key.startsWith("rk_live_");
    }

    /** {@code sk_live_...abcd}: enough to tell keys apart, never enough to use one. */
    public static String mask(@Nullable String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return "(unrecognised key)";
        }
        return matcher.group(1) + "..." + key.substring(Math.max(matcher.end(1), key.length() - 4));
    }

    /** The text with every key in it masked, for error messages that may quote one; null stays null. */
    public static @Nullable String maskAll(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = KEY.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(mask(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
