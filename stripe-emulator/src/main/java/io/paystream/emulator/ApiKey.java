package io.paystream.emulator;

/** A key the emulator issued: whose it is, which mode, and whether it may call the API at all. */
record ApiKey(String value, String accountId, boolean livemode, Kind kind) {

    enum Kind {
        SECRET,
        RESTRICTED,
        PUBLISHABLE
    }

    /** {@code sk_test_****abcd}: the prefix and last four characters, never more. */
    static String mask(String key) {
        String tail = key.length() > 4 ? key.substring(key.length() - 4) : "";
        int second = key.indexOf('_', key.indexOf('_') + 1);
        String prefix = second > 0 && second < 8 ? key.substring(0, second + 1) : "";
        return prefix + "****" + tail;
    }
}
