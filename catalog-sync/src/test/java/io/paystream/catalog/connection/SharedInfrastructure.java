package io.paystream.catalog.connection;

import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.KafkaBrokerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What every connection test in this JVM shares, started once and stopped at exit: the Stripe emulator, and for the
 * embedded variant a Kafka broker process and the embedded MongoDB wire server. Spring caches the application
 * context across test classes with the same settings, so the whole suite starts one broker and one application.
 */
final class SharedInfrastructure {

    static final String ADMIN_TOKEN = "test-admin-token";

    /** Fixed test keys (32 bytes each, base64): k1 active in the shared context, k2 for the rotation test. */
    static final String KEY_1 = Base64.getEncoder().encodeToString("k1-test-key-0123456789abcdefghij".getBytes());

    static final String KEY_2 = Base64.getEncoder().encodeToString("k2-test-key-0123456789abcdefghij".getBytes());

    /** Nothing listens here: Stripe's deliveries to connections' endpoints fail fast, as to an absent ingest. */
    static final String PUBLIC_BASE_URL = "http://127.0.0.1:" + FreePorts.next();

    private static StripeEmulator emulator;
    private static KafkaBrokerProcess kafka;
    private static EmbeddedMongoServer mongo;

    private SharedInfrastructure() {}

    static synchronized StripeEmulator emulator() {
        if (emulator == null) {
            emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        }
        return emulator;
    }

    static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            try {
                kafka = KafkaBrokerProcess.start(Files.createTempDirectory("catalog-connections-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            createTopics(kafka.bootstrapServers());
        }
        return kafka.bootstrapServers();
    }

    static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongo.connectionString(database);
    }

    /** Up front, so consumers are assigned at once instead of after a metadata refresh. */
    static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.STRIPE_EVENTS, 1, (short) 1),
                            new NewTopic(Topics.PAYMENTS_EVENTS, 1, (short) 1),
                            new NewTopic(Topics.WEBHOOK_ENDPOINTS, 1, (short) 1)
                                    .configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topics", e);
        }
    }

    /** The application's settings against these parts; {@code kafka} and {@code mongo} differ per variant. */
    static Map<String, String> applicationProperties(String kafkaBootstrap, String mongoUri) {
        StripeEmulator stripe = emulator();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
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
        return properties;
    }
}
