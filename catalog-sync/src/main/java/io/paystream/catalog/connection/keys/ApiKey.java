package io.paystream.catalog.connection.keys;

import io.paystream.catalog.connection.Mode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe API key as pasted by a customer. {@link #toString()} is masked, so a key that ends up in a log line or an
 * exception message by accident still does not leak.
 *
 * @param type publishable, secret or restricted, from the prefix
 * @param mode live or test, from the prefix
 * @param value the whole key; never log or return it
 */
record ApiKey(Type type, Mode mode, String value) {

    private static final Pattern FORMAT = Pattern.compile("(pk|sk|rk)_(live|test)_([A-Za-z0-9_]+)");

    enum Type {
        PUBLISHABLE("pk"),
        SECRET("sk"),
        RESTRICTED("rk");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }

        static Type ofPrefix(String prefix) {
            for (Type type : values()) {
                if (type.prefix.equals(prefix)) {
                    return type;
                }
            }
            throw new IllegalArgumentException(prefix);
        }
    }

    /** The key; empty when the text is not shaped like any Stripe API key. */
    static Optional<ApiKey> parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKey(Type.ofPrefix(matcher.group(1)), Mode.of(matcher.group(2)), matcher.group()));
    }

    /** {@code sk_live_} */
    String prefix() {
        return prefix(type, mode);
    }

    static String prefix(Type type, Mode mode) {
        return type.prefix() + '_' + mode.value() + '_';
    }

    String masked() {
        return KeyMask.mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
