package io.paystream.emulator;

import com.stripe.StripeClient;

/** stripe-java clients pointed at an emulator, retries off so every failure reaches the test. */
final class Clients {

    private Clients() {}

    static StripeClient forKey(StripeEmulator emulator, String key) {
        return StripeClient.builder()
                .setApiKey(key)
                .setApiBase(emulator.baseUrl())
                .setMaxNetworkRetries(0)
                .build();
    }

    static StripeClient forConnected(StripeEmulator emulator, String key, String account) {
        return StripeClient.builder()
                .setApiKey(key)
                .setApiBase(emulator.baseUrl())
                .setStripeAccount(account)
                .setMaxNetworkRetries(0)
                .build();
    }
}
