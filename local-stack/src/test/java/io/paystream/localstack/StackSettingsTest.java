package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static StackSettings settings(Map<String, String> env, String... args) {
        return StackSettings.from(Flags.parse(List.of(args), StackSettings.VALUED_FLAGS, StackSettings.SWITCHES), env);
    }

    @Test
    void defaultsAreTheDocumentedPortsAndTheDotLocalFolderUnderTheHome() {
        StackSettings settings = settings(Map.of("PAYSTREAM_HOME", "/repo"));

        assertThat(settings.home()).isEqualTo(Path.of("/repo"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.local"));
        assertThat(settings.logDir()).isEqualTo(Path.of("/repo/.local/logs"));
        assertThat(List.of(
                        settings.kafkaPort(),
                        settings.kafkaControllerPort(),
                        settings.mongoPort(),
                        settings.ingestPort(),
                        settings.workerPort(),
                        settings.catalogPort(),
                        settings.emulatorPort()))
                .containsExactly(9092, 9093, 27017, 8080, 8081, 8082, 12111);
        assertThat(settings.webhookSecrets()).isEqualTo("whsec_paystream_local_dev_secret");
        assertThat(settings.tenant()).isEmpty();
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideTheEnvironment() {
        StackSettings settings = settings(
                Map.of("PAYSTREAM_KAFKA_PORT", "19092", "PAYSTREAM_INGEST_PORT", "18080", "PAYSTREAM_DATA_DIR", "/d"),
                "--ingest-port",
                "28080",
                "--start-timeout",
                "2m");

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.ingestPort()).isEqualTo(28080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/d"));
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void stripesTestModeReplacesTheEmulatorForCatalogSync() {
        StackSettings settings = settings(
                Map.of("PAYSTREAM_HOME", "/repo"),
                "--stripe-api-base",
                "https://api.stripe.com/",
                "--stripe-key",
                "sk_test_abcdefghijklmnop1234",
                "--public-url",
                "https://tunnel.example");

        assertThat(settings.stripeApiBase()).isEqualTo("https://api.stripe.com");
        List<ServiceSpec> services = ServiceSpec.all(settings);
        assertThat(services).extracting(ServiceSpec::module).doesNotContain("stripe-emulator");
        Map<String, String> catalog = services.stream()
                .filter(spec -> spec.module().equals("catalog-sync"))
                .findFirst()
                .orElseThrow()
                .env();
        assertThat(catalog)
                .containsEntry("STRIPE_API_BASE", "https://api.stripe.com")
                .containsEntry("STRIPE_PLATFORM_TEST_KEY", "sk_test_abcdefghijklmnop1234")
                .containsEntry("PAYSTREAM_PUBLIC_BASE_URL", "https://tunnel.example");
        assertThat(settings.externalStripe().orElseThrow().maskedKey()).isEqualTo("sk_test_...1234");
    }

    @Test
    void withoutStripeOptionsTheEmulatorServesTheApi() {
        StackSettings settings = settings(Map.of("PAYSTREAM_HOME", "/repo"));

        assertThat(settings.stripeApiBase()).isEqualTo("http://127.0.0.1:12111");
        assertThat(ServiceSpec.all(settings)).extracting(ServiceSpec::module).contains("stripe-emulator");
    }

    @Test
    void aLiveKeyAHalfConfigurationOrAMalformedUrlIsAUsageErrorThatNeverEchoesTheKey() {
        assertThatThrownBy(() -> settings(
                        Map.of(), "--stripe-api-base", "https://api.stripe.com", "--stripe-key", "sk_live_secret9876"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("test-mode")
                .hasMessageNotContaining("secret9876");
        assertThatThrownBy(() -> settings(Map.of("PAYSTREAM_STRIPE_TEST_KEY", "sk_test_x1234")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> settings(Map.of(), "--stripe-api-base", "api.stripe.com", "--stripe-key", "sk_test_x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> settings(Map.of(), "--public-url", "https://tunnel.example"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void secretsFromStripeListenAreAcceptedBesideTheDevSecret() {
        StackSettings settings = settings(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_from_listen, whsec_old"));

        assertThat(settings.webhookSecrets()).isEqualTo("whsec_from_listen,whsec_old,whsec_paystream_local_dev_secret");
    }

    @Test
    void eachServiceGetsItsPortTheBrokerAndMongoThroughTheDocumentedVariables() {
        StackSettings settings =
                settings(Map.of(), "--kafka-port", "19092", "--mongo-port", "37017", "--tenant", "acme", "--json-logs");

        Map<String, ServiceSpec> services = ServiceSpec.all(settings).stream()
                .collect(java.util.stream.Collectors.toMap(ServiceSpec::module, s -> s));

        assertThat(services.keySet())
                .containsExactlyInAnyOrder("stripe-emulator", "webhook-ingest", "payment-worker", "catalog-sync");
        assertThat(services.get("webhook-ingest").env())
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("STRIPE_WEBHOOK_SECRET", "whsec_paystream_local_dev_secret")
                .containsEntry("PAYSTREAM_DEFAULT_TENANT", "acme")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .doesNotContainKey("SPRING_MONGODB_URI");
        assertThat(services.get("payment-worker").env())
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:37017/paystream");
        assertThat(services.get("catalog-sync").required()).isFalse();
        assertThat(services.get("catalog-sync").env())
                .containsEntry("STRIPE_API_BASE", "http://127.0.0.1:12111")
                .containsEntry("STRIPE_PLATFORM_TEST_KEY", StackSettings.EMULATOR_PLATFORM_TEST_KEY)
                .containsEntry("PAYSTREAM_PUBLIC_BASE_URL", "http://127.0.0.1:8080");
        assertThat(services.get("stripe-emulator").args())
                .contains("--port=12111", "--webhook-url=http://127.0.0.1:8080/webhooks/stripe");
        assertThat(services.get("stripe-emulator").jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/stripe-emulator/target/stripe-emulator-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(services.get("stripe-emulator").healthUrl()).isEqualTo("http://127.0.0.1:12111/health");
        assertThat(services.get("webhook-ingest").jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/webhook-ingest/target/webhook-ingest-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void eachServicesPortOptionIsTheOptionThatSetsItsPort() {
        for (ServiceSpec spec : ServiceSpec.all(settings(Map.of()))) {
            StackSettings moved = settings(Map.of(), "--" + spec.portOption(), "40123");

            assertThat(ServiceSpec.all(moved))
                    .filteredOn(service -> service.module().equals(spec.module()))
                    .singleElement()
                    .extracting(ServiceSpec::port)
                    .as(spec.module())
                    .isEqualTo(40123);
        }
    }

    @Test
    void tailDefaultsToStripeEventsOnTheStackBrokerFromNow() {
        TailCommand.Options options = TailCommand.Options.parse(List.of(), Map.of("PAYSTREAM_KAFKA_PORT", "19092"));

        assertThat(options.topic()).isEqualTo(Topics.STRIPE_EVENTS);
        assertThat(options.bootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(options.fromBeginning()).isFalse();
        assertThat(options.bounded()).isFalse();
    }

    @Test
    void tailOptionsAreParsed() {
        TailCommand.Options options = TailCommand.Options.parse(
                List.of("payments.events", "--from-beginning", "--max", "5", "--timeout=30s", "--bootstrap=k:1"),
                Map.of());

        assertThat(options)
                .isEqualTo(new TailCommand.Options("payments.events", "k:1", true, 5, Duration.ofSeconds(30)));
    }

    @Test
    void flagsAcceptBothSpellingsAndKeepPositionals() {
        Flags flags = Flags.parse(List.of("a", "--x=1", "--y", "2", "--on", "b"), Set.of("x", "y"), Set.of("on"));

        assertThat(flags.positionals()).containsExactly("a", "b");
        assertThat(flags.value("x")).contains("1");
        assertThat(flags.value("y")).contains("2");
        assertThat(flags.has("on")).isTrue();
    }

    @Test
    void theEmulatorsPlatformKeyHandedToCatalogSyncIsTheOneTheEmulatorIssues() {
        try (var emulator =
                io.paystream.emulator.StripeEmulator.start(io.paystream.emulator.EmulatorSettings.defaults())) {
            assertThat(StackSettings.EMULATOR_PLATFORM_TEST_KEY)
                    .isEqualTo(emulator.platformAccount().testSecretKey());
        }
    }

    @Test
    void theDemoShopsKeysAreTheOnesTheEmulatorIssuesForItsFixedAccount() {
        try (var emulator =
                io.paystream.emulator.StripeEmulator.start(io.paystream.emulator.EmulatorSettings.defaults())) {
            var shop = emulator.createAccount(io.paystream.emulator.AccountSpec.activeStandalone()
                    .withId(io.paystream.emulator.StripeEmulatorMain.DEMO_SHOP_ACCOUNT_ID));
            assertThat(DemoConnection.SHOP_ACCOUNT).isEqualTo(shop.id());
            assertThat(DemoConnection.SHOP_SECRET_KEY).isEqualTo(shop.testSecretKey());
            assertThat(DemoConnection.SHOP_PUBLISHABLE_KEY).isEqualTo(shop.testPublishableKey());
        }
    }
}
