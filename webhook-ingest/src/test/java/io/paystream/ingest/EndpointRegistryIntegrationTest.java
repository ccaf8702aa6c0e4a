package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.KafkaBrokerProcess;
import io.paystream.testsupport.StripeWebhookSigner;
import io.paystream.testsupport.kafka.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Runtime endpoints against a real broker process: registrations written to the registry topic while the ingest runs
 * are served without a restart, tombstones take them away, broken records change nothing, and an ingest started
 * without Kafka keeps trying until it can read the registry.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.ingest.endpoints.default.secrets=" + EndpointRegistryIntegrationTest.CONFIGURED_SECRET,
            "paystream.ingest.endpoints.default.tenant=configured-tenant",
            "paystream.ingest.registry.retry-backoff=200ms"
        })
@DirtiesContext
class EndpointRegistryIntegrationTest {

    static final String CONFIGURED_SECRET = "whsec_configured_default";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Two keys as after a rotation: k2 is active, k1 still decrypts what was written before. */
    private static final Map<String, byte[]> KEYS = Map.of(
            "k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            "k2", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    private static final SecretCipher OLD_KEY = new SecretCipher("k1", KEYS);
    private static final SecretCipher NEW_KEY = new SecretCipher("k2", KEYS);

    private static int brokerPort;
    private static KafkaBrokerProcess broker;
    private static HttpResponse<String> readinessWithoutKafka;
    private static Path dataDir;
    private static RegistryRecords registry;
    private static TopicReader topic;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    /**
     * The ingest starts while no broker listens on its bootstrap port (bounded by a 1 s start-up timeout); the broker
     * comes up on that port before the first test, and the follower, still trying, has to find it.
     */
    @DynamicPropertySource
    static void brokerNotYetRunning(DynamicPropertyRegistry properties) throws Exception {
        dataDir = Files.createTempDirectory("ingest-registry-broker");
        brokerPort = FreePorts.next();
        properties.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + brokerPort);
        properties.add("paystream.ingest.registry.startup-timeout", () -> "1s");
        keyProperties().forEach((name, value) -> properties.add(name, () -> value));
    }

    /** Once the context is up: what readiness said without Kafka, then the broker. */
    @BeforeEach
    void startBrokerAfterTheIngest() throws Exception {
        if (broker == null) {
            readinessWithoutKafka = new WebhookClient(port).get("/actuator/health/readiness");
            broker = KafkaBrokerProcess.start(dataDir, brokerPort, FreePorts.next());
            try (Admin admin = admin()) {
                admin.createTopics(List.of(new NewTopic(Topics.STRIPE_EVENTS, 1, (short) 1)))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            }
            // the follower creates the registry topic compacted; writing first would let the broker auto-create it
            await().atMost(WAIT).until(this::registryReady);
            registry = new RegistryRecords(broker.bootstrapServers());
            topic = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.STRIPE_EVENTS)
                    .awaitTimeout(WAIT);
        }
    }

    private boolean registryReady() {
        return new WebhookClient(port)
                .get("/actuator/health/readiness")
                .body()
                .contains("\"endpointRegistry\":{\"status\":\"UP\"");
    }

    private static Map<String, String> keyProperties() {
        return Map.of(
                "paystream.crypto.active-key-id", "k2",
                "paystream.crypto.keys.k1", Base64.getEncoder().encodeToString(KEYS.get("k1")),
                "paystream.crypto.keys.k2", Base64.getEncoder().encodeToString(KEYS.get("k2")));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (registry != null) {
            registry.close();
            topic.close();
            registry = null;
            topic = null;
        }
        if (broker != null) {
            broker.stop();
            broker = null;
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    private HttpResponse<String> post(int port, String endpointId, byte[] body, String secret) {
        return new WebhookClient(port)
                .send("/webhooks/stripe/" + endpointId, body, StripeWebhookSigner.header(body, secret));
    }

    private HttpResponse<String> post(String endpointId, byte[] body, String secret) {
        return post(port, endpointId, body, secret);
    }

    /** Posts fresh events until one is accepted: the registration has arrived. */
    private void awaitAccepted(String endpointId, String secret) {
        await().atMost(WAIT)
                .until(
                        () -> post(endpointId, TestEvents.snapshot(TestEvents.newEventId(), "pi_probe"), secret)
                                .statusCode(),
                        status -> status == 200);
    }

    private double registrations(String outcome) {
        return meters.get("paystream.ingest.endpoint.registrations")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void aRegistrationIsServedWithoutARestartAndATombstoneRemovesIt() {
        byte[] early = TestEvents.snapshot(TestEvents.newEventId(), "pi_early");
        assertThat(post("conn_x", early, "whsec_conn_x").statusCode()).isEqualTo(404);

        registry.register("conn_x", "acct_1ConnX", "both", NEW_KEY, "whsec_conn_x");
        awaitAccepted("conn_x", "whsec_conn_x");

        String ownEvent = TestEvents.newEventId();
        String connectEvent = TestEvents.newEventId();
        assertThat(post("conn_x", TestEvents.snapshot(ownEvent, "pi_own"), "whsec_conn_x")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                "conn_x",
                                TestEvents.snapshot(
                                        connectEvent, "payment_intent.succeeded", "pi_c", false, "acct_1Other"),
                                "whsec_conn_x")
                        .statusCode())
                .isEqualTo(200);
        Map<String, @Nullable String> own = TopicReader.headers(awaitOnTopic(ownEvent));
        assertThat(own)
                .containsEntry(StripeEventHeaders.ENDPOINT_ID, "conn_x")
                .containsEntry(StripeEventHeaders.TENANT, "tenant-conn_x")
                .as("an event without account is the registration's account's own")
                .containsEntry(StripeEventHeaders.ACCOUNT, "acct_1ConnX");
        assertThat(TopicReader.headers(awaitOnTopic(connectEvent)))
                .as("an event's own account wins")
                .containsEntry(StripeEventHeaders.ACCOUNT, "acct_1Other");
        assertThat(post("conn_x", TestEvents.snapshot(TestEvents.newEventId(), "pi_bad"), "whsec_wrong")
                        .statusCode())
                .isEqualTo(400);

        registry.tombstone("conn_x");
        await().atMost(WAIT)
                .until(
                        () -> post("conn_x", TestEvents.snapshot(TestEvents.newEventId(), "pi_gone"), "whsec_conn_x")
                                .statusCode(),
                        status -> status == 404);
    }

    @Test
    void aRolledRegistrationAcceptsEitherSecretWhicheverKeyEncryptedThem() {
        registry.register(
                "conn_roll",
                "tenant-roll",
                "acct_1Roll",
                "both",
                List.of(OLD_KEY.encrypt("whsec_roll_old"), NEW_KEY.encrypt("whsec_roll_new")));

        awaitAccepted("conn_roll", "whsec_roll_new");
        assertThat(post("conn_roll", TestEvents.snapshot(TestEvents.newEventId(), "pi_old"), "whsec_roll_old")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theRegistrationsLivemodeIsHonoured() {
        registry.register("conn_live", "acct_1Live", "live", NEW_KEY, "whsec_live");
        byte[] live = TestEvents.snapshot(TestEvents.newEventId(), "payment_intent.succeeded", "pi_l", true, null);
        await().atMost(WAIT).until(() -> post("conn_live", live, "whsec_live").statusCode(), status -> status == 200);

        byte[] test = TestEvents.snapshot(TestEvents.newEventId(), "payment_intent.succeeded", "pi_t", false, null);
        HttpResponse<String> refused = post("conn_live", test, "whsec_live");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("livemode");
    }

    @Test
    void brokenRegistrationsAreCountedAndChangeNothing() {
        double malformed = registrations("malformed");
        double undecryptable = registrations("undecryptable");
        double ignored = registrations("ignored_configured");
        SecretCipher unknownKey = new SecretCipher("k9", Map.of("k9", new byte[32]));

        registry.send("conn_corrupt", "{\"endpointId\": \"conn_corrupt\", ".getBytes(StandardCharsets.UTF_8));
        registry.register("conn_foreign", "acct_1Foreign", "both", unknownKey, "whsec_foreign");
        registry.register("default", "acct_1Takeover", "both", NEW_KEY, "whsec_takeover");
        registry.register("conn_after", "acct_1After", "both", NEW_KEY, "whsec_after");
        awaitAccepted("conn_after", "whsec_after");

        assertThat(registrations("malformed")).isEqualTo(malformed + 1);
        assertThat(registrations("undecryptable")).isEqualTo(undecryptable + 1);
        assertThat(registrations("ignored_configured")).isEqualTo(ignored + 1);
        byte[] body = TestEvents.snapshot(TestEvents.newEventId(), "pi_x");
        assertThat(post("conn_corrupt", body, "whsec_any").statusCode()).isEqualTo(404);
        assertThat(post("conn_foreign", body, "whsec_foreign").statusCode()).isEqualTo(404);
        assertThat(new WebhookClient(port).sendSigned(body, "whsec_takeover").statusCode())
                .as("configuration wins over a registration with its id")
                .isEqualTo(400);
        assertThat(new WebhookClient(port).sendSigned(body, CONFIGURED_SECRET).statusCode())
                .isEqualTo(200);
        assertThat(new WebhookClient(port).get("/actuator/prometheus").body())
                .contains("paystream_ingest_endpoint_registrations_total{")
                .containsPattern("paystream_ingest_endpoint_registrations_total\\{[^}]*outcome=\"undecryptable\"");
    }

    @Test
    void startsWithoutKafkaAndCreatesTheCompactedTopicOnceTheBrokerIsThere() throws Exception {
        assertThat(readinessWithoutKafka.statusCode()).isEqualTo(503);
        assertThat(readinessWithoutKafka.body()).contains("\"endpointRegistry\":{\"status\":\"OUT_OF_SERVICE\"");
        assertThat(registryReady()).isTrue();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOK_ENDPOINTS);
        try (Admin admin = admin()) {
            String policy = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                    .value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void anIngestStartedAfterRegistrationsExistServesThemFromTheStart() {
        registry.register("conn_pre", "acct_1Pre", "both", OLD_KEY, "whsec_pre");
        awaitAccepted("conn_pre", "whsec_pre");

        String[] args = keyProperties().entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(WebhookIngestApplication.class)
                .run(concat(
                        args, "--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers()))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String eventId = TestEvents.newEventId();

            // no waiting: start-up itself read the registry
            assertThat(post(secondPort, "conn_pre", TestEvents.snapshot(eventId, "pi_pre"), "whsec_pre")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(TopicReader.headers(awaitOnTopic(eventId)))
                    .containsEntry(StripeEventHeaders.ACCOUNT, "acct_1Pre")
                    .containsEntry(StripeEventHeaders.TENANT, "tenant-conn_pre");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static ConsumerRecord<String, byte[]> awaitOnTopic(String eventId) {
        return topic.awaitRecord(TestEvents.hasEventId(eventId));
    }
}
