package io.paystream.catalog.connection;

import java.util.Locale;

/** Stripe's live and test modes; their data, keys and webhook endpoints never mix. */
enum Mode {
    LIVE,
    TEST;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean livemode() {
        return this == LIVE;
    }

    static Mode of(boolean livemode) {
        return livemode ? LIVE : TEST;
    }

    static Mode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
