package io.paystream.catalog.sync;

import io.paystream.emulator.AccountSpec;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The Stripe emulator as a bean of the test context (rate limits off unless a test turns them on), the platform's
 * test key and one Connect account configured as a real deployment would, and {@link TestAccounts}: accounts a test
 * creates for itself, as if a customer had connected them. Here rather than in the root package because it is a
 * {@link SyncTargetSource}: the root package depends on none of its sub-packages.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmulatorConfiguration {

    @Bean(destroyMethod = "close")
    StripeEmulator stripeEmulator() {
        return StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
    }

    @Bean
    ConfiguredConnectAccount configuredConnectAccount(StripeEmulator emulator) {
        return new ConfiguredConnectAccount(
                emulator.createAccount(AccountSpec.newConnected().onboarded()));
    }

    @Bean
    DynamicPropertyRegistrar stripeApi(StripeEmulator emulator, ConfiguredConnectAccount connect) {
        return registry -> {
            registry.add("paystream.stripe.api-base", emulator::baseUrl);
            registry.add("paystream.stripe.platform-test-key", () -> emulator.platformAccount()
                    .testSecretKey());
            registry.add("paystream.catalog.connected-accounts", () -> connect.account()
                    .id());
        };
    }

    @Bean
    TestAccounts testAccounts(StripeEmulator emulator) {
        return new TestAccounts(emulator);
    }

    /** The Connect account named in {@code paystream.catalog.connected-accounts}. */
    public record ConfiguredConnectAccount(EmulatedAccount account) {}

    /** Standalone accounts created per test and synced with their own test key. */
    public static final class TestAccounts implements SyncTargetSource {

        private final StripeEmulator emulator;
        private final List<SyncTarget> targets = new CopyOnWriteArrayList<>();

        TestAccounts(StripeEmulator emulator) {
            this.emulator = emulator;
        }

        /** A new account with a test-mode catalog of its own, known to the sync. */
        public EmulatedAccount create() {
            EmulatedAccount account = emulator.createAccount(AccountSpec.activeStandalone());
            targets.add(new SyncTarget(account.id(), false, account.testSecretKey(), null));
            return account;
        }

        @Override
        public List<SyncTarget> targets() {
            return List.copyOf(targets);
        }
    }
}
