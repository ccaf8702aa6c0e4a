package io.paystream.catalog.connection;

import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.Topics;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.kafka.TestKafka;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;

/**
 * What every connection test in this JVM shares: the Stripe emulator (started once, stopped at exit), the topics the
 * application uses, created up front, and its settings. The embedded variant runs on test-support's shared Kafka
 * broker and its embedded MongoDB test configuration; Spring caches that context across the test classes, so the
 * suite starts one application. Records stay on the shared broker from one test class to the next: every test reads
 * only the records of connections it created (their ids are random).
 */
final class SharedInfrastructure {

    static final String ADMIN_TOKEN = "test-admin-token";

    /** Fixed test keys (32 bytes each, base64): k1 active in the shared context, k2 for the rotation test. */
    static final String KEY_1 = Base64.getEncoder().encodeToString("k1-test-key-0123456789abcdefghij".getBytes());

    static final String KEY_2 = Base64.getEncoder().encodeToString("k2-test-key-0123456789abcdefghij".getBytes());

    /** Nothing listens here: Stripe's deliveries to connections' endpoints fail fast, as to an absent ingest. */
    static final String PUBLIC_BASE_URL = "http://127.0.0.1:" + FreePorts.next();

    private static @Nullable StripeEmulator emulator;

    private SharedInfrastructure() {}

    static synchronized StripeEmulator emulator() {
        StripeEmulator started = emulator;
        if (started == null) {
            started = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            emulator = started;
        }
        return started;
    }

    /** The JVM's shared broker with the application's topics; what the embedded variant runs on. */
    static String embeddedKafka() {
        return TestKafka.shared().createTopics(topics()).bootstrapServers();
    }

    /** Up front, so consumers are assigned at once instead of after a metadata refresh. */
    static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topics())).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topics", e);
        }
    }

    private static NewTopic[] topics() {
        return new NewTopic[] {
            new NewTopic(Topics.STRIPE_EVENTS, 1, (short) 1),
            new NewTopic(Topics.PAYMENTS_EVENTS, 1, (short) 1),
            new NewTopic(Topics.WEBHOOK_ENDPOINTS, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))
        };
    }

    /** The application's settings but MongoDB and Kafka, which the test configurations or the caller provide. */
    static Map<String, String> applicationProperties() {
        StripeEmulator stripe = emulator();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        properties.put("spring.jmx.enabled", "false");
        properties.put("paystream.stripe.api-base", stripe.baseUrl());
        properties.put(
                "paystream.stripe.platform-test-key", stripe.platformAccount().testSecretKey());
        properties.put("paystream.security.admin-token", ADMIN_TOKEN);
        properties.put("paystream.crypto.active-key-id", "k1");
        properties.put("paystream.crypto.keys.k1", KEY_1);
        properties.put("paystream.connections.public-base-url", PUBLIC_BASE_URL);
        properties.put("paystream.connections.publish-timeout", "5s");
        properties.put("paystream.connections.outbox.min-age", "6s");
        properties.put("paystream.connections.outbox.sweep-interval", "500ms");
        // no backfill of the connections these tests make: its Stripe requests would interleave with theirs
        properties.put("paystream.backfill.on-connection", "false");
        properties.put("paystream.backfill.schedule.enabled", "false");
        return properties;
    }

    /** The application's settings against this Kafka and this MongoDB. */
    static Map<String, String> applicationProperties(String kafkaBootstrap, String mongoUri) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        properties.putAll(applicationProperties());
        return properties;
    }
}
