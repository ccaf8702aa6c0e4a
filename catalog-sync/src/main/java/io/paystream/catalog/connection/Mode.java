package io.paystream.catalog.connection;

import java.util.Locale;

/** Stripe's live and test modes; their data, keys and webhook endpoints never mix. */
public enum Mode {
    LIVE,
    TEST;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean livemode() {
        return this == LIVE;
    }

    public static Mode of(boolean livemode) {
        return livemode ? LIVE : TEST;
    }

    public static Mode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
