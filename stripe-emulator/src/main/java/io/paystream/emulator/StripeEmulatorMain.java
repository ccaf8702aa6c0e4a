package io.paystream.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a process for the local stack until killed. Prints the platform account and its test keys:
 * they are the emulator's own, derived from a fixed id, and authenticate nothing at the real Stripe.
 */
public final class StripeEmulatorMain {

    /**
     * An independent account, as a platform's customer has: the local stack connects it by its keys, so the whole
     * "paste your keys" flow runs locally. Its keys derive from this fixed id like the platform's.
     */
    public static final String DEMO_SHOP_ACCOUNT_ID = "acct_1DemoShopPaystrm";

    private StripeEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        MainOptions options;
        try {
            options = MainOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(MainOptions.USAGE);
            System.exit(2);
            return;
        }
        StripeEmulator emulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static StripeEmulator start(MainOptions options, PrintStream out) {
        StripeEmulator emulator = StripeEmulator.start(options.settings(), options.host());
        EmulatedAccount platform = emulator.platformAccount();
        if (options.seedProducts() > 0) {
            emulator.seedCatalog(platform.id(), false, options.seedProducts(), options.pricesPerProduct());
        }
        if (options.webhookUrl() != null) {
            emulator.sendWebhooksTo(options.webhookUrl(), options.webhookSecret());
        }
        out.println("Stripe emulator listening on " + emulator.baseUrl() + " (API version "
                + EmulatorSettings.API_VERSION + ")");
        out.println("platform account:          " + platform.id());
        out.println("test secret key:           " + platform.testSecretKey());
        out.println("test publishable key:      " + platform.testPublishableKey());
        EmulatedAccount shop =
                emulator.createAccount(AccountSpec.activeStandalone().withId(DEMO_SHOP_ACCOUNT_ID));
        out.println("demo shop account:         " + shop.id() + " (standalone, connect it by its keys)");
        out.println("demo shop test secret key: " + shop.testSecretKey());
        out.println("demo shop publishable key: " + shop.testPublishableKey());
        out.println("seeded (test mode):        " + options.seedProducts() + " products x "
                + (options.seedProducts() > 0 ? options.pricesPerProduct() : 0) + " prices");
        out.println("rate limits (req/s):       test " + options.testRateLimit() + ", live " + options.liveRateLimit()
                + " (0 = off)");
        if (options.webhookUrl() != null) {
            out.println("webhooks for every event:  " + options.webhookUrl());
        }
        out.flush();
        return emulator;
    }
}
