package io.paystream.catalog.connection;

import java.util.Locale;

/** How a customer connected Stripe. */
public enum ConnectionKind {
    /** Pasted a publishable and a secret (or restricted) key of their own account. */
    KEYS,
    /** Went through Stripe Connect onboarding: an account under the platform, reached with the platform's key. */
    CONNECT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
