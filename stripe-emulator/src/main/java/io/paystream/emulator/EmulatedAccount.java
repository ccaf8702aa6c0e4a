package io.paystream.emulator;

/** An account the emulator knows, with the keys that authenticate as it in each mode. */
public record EmulatedAccount(
        String id,
        String country,
        String defaultCurrency,
        String testSecretKey,
        String liveSecretKey,
        String testPublishableKey,
        String livePublishableKey,
        String testRestrictedKey,
        String liveRestrictedKey) {}
