package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.emulator.AccountSpec;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** Stripe Connect onboarding and status tracking from account.updated, whatever MongoDB and Kafka run underneath. */
abstract class ConnectOnboardingContract extends ConnectionTestBase {

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = WebhookBridge.producer(kafkaBootstrap());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void onboardingCreatesAnAccountAndReturnsItsLink() throws Exception {
        ConnectionApi.Reply reply = api.post(
                "/api/connections/onboarding",
                Map.of("tenant", "harbor", "email", "owner@harbor-coffee.example", "country", "GB"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        JsonNode connection = reply.body().path("connection");
        String id = connection.path("id").asString();
        assertThat(connection.path("kind").asString()).isEqualTo("connect");
        assertThat(connection.path("status").asString()).isEqualTo("pending");
        assertThat(connection.path("country").asString()).isEqualTo("GB");
        assertThat(connection.path("currency").asString()).isEqualTo("gbp");
        assertThat(connection.path("secretKey").isNull()).isTrue();
        assertThat(reply.body().path("onboardingUrl").asString()).startsWith("http");
        assertThat(reply.body().path("expiresAt").asString()).isNotEmpty();
        assertThat(reply.body().path("returnUrl").asString()).contains("/connections/" + id + "/onboarding/return");
        String accountId = connection.path("accountId").asString();
        StripeClient platform = StripeClient.builder()
                .setApiKey(stripe.platformAccount().testSecretKey())
                .setApiBase(stripe.baseUrl())
                .build();
        assertThat(platform.v1().accounts().retrieve(accountId).getEmail()).isEqualTo("owner@harbor-coffee.example");
        assertThat(syncTargets.targets()).extracting(SyncTarget::account).doesNotContain(accountId);

        ConnectionApi.Reply refreshed = api.post("/api/connections/" + id + "/onboarding-link", Map.of());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("onboardingUrl").asString()).startsWith("http");
    }

    @Test
    void onlyOnboardingConnectionsHaveLinks() {
        String keys = connect(payingAccount());

        KeyConnectionContract.assertProblem(
                api.post("/api/connections/" + keys + "/onboarding-link", Map.of()), 409, "not-onboarding");
        KeyConnectionContract.assertProblem(
                api.post("/api/connections/conn_unknown/onboarding-link", Map.of()), 404, "connection-not-found");
    }

    @Test
    void linkingAnAccountOfAnotherPlatformIsRefused() {
        String stranger = payingAccount().id();

        KeyConnectionContract.assertProblem(
                api.post("/api/connections/onboarding", Map.of("accountId", stranger)), 422, "account-not-found");
    }

    @Test
    void accountUpdatesTakeTheConnectionFromRestrictedToActive() {
        OnboardingFixture events = OnboardingFixture.fresh();
        String id = linkOnboarding(events.accountId());

        send(events, "onb001");
        JsonNode restricted = awaitStatus(id, "restricted");
        assertThat(restricted.path("missing").toString())
                .contains("Business details", "Tax ID", "Bank account", "Representative");
        send(events, "onb002", "onb003", "onb004", "onb005"); // capability and bank account events are ignored
        awaitStatus(id, "pending");
        send(events, "onb008");
        assertThat(awaitStatus(id, "restricted").path("missing").toString()).isEqualTo("[\"Identity documents\"]");
        send(events, "onb011");
        awaitStatus(id, "pending");
        send(events, "onb012", "onb013");
        JsonNode active = awaitStatus(id, "active");
        assertThat(active.path("missing").size()).isZero();

        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            // Delivery is at least once (the outbox sweeper may publish an entry the inline relay already sent), so
            // read as a consumer does: one event per id, the first copy.
            List<String> statuses =
                    distinctById(awaitWithKey(
                                    feed, id, records -> distinctById(records).size() >= 6))
                            .stream()
                            .map(event -> event.path("data").path("status").asString())
                            .toList();
            assertThat(statuses).containsExactly("pending", "restricted", "pending", "restricted", "pending", "active");
        }
        assertThat(syncTargets.targets())
                .contains(new SyncTarget(
                        events.accountId(), false, stripe.platformAccount().testSecretKey(), events.accountId()));
    }

    @Test
    void anOlderAccountUpdateNeverOverwritesANewerOne() {
        OnboardingFixture events = OnboardingFixture.fresh();
        String id = linkOnboarding(events.accountId());

        send(events, "onb012");
        awaitStatus(id, "active");
        double stale = staleEvents();
        send(events, "onb001", "onb008", "onb012"); // older ones, and a redelivery

        await().atMost(Duration.ofSeconds(30)).until(() -> staleEvents() >= stale + 3);
        JsonNode connection = api.get("/api/connections/" + id).body();
        assertThat(connection.path("status").asString()).isEqualTo("active");
        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            assertThat(distinctById(awaitWithKey(
                            feed, id, records -> distinctById(records).size() >= 2)))
                    .hasSize(2); // pending, active
        }
    }

    private double staleEvents() {
        Counter counter = meters.find("paystream.catalog.connection.account.events")
                .tag("outcome", "stale")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theEmulatorsAccountUpdatesDriveTheStatusEndToEnd() {
        WebhookBridge.ensureFor(kafkaBootstrap());
        ConnectionApi.Reply reply = api.post("/api/connections/onboarding", Map.of("tenant", "harbor"));
        String id = reply.body().path("connection").path("id").asString();
        String accountId = reply.body().path("connection").path("accountId").asString();

        stripe.updateAccount(accountId, AccountSpec::onboarded);
        awaitStatus(id, "active");
        stripe.updateAccount(
                accountId,
                spec -> new AccountSpec(
                        spec.id(),
                        spec.type(),
                        spec.country(),
                        spec.defaultCurrency(),
                        true,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        "rejected.fraud",
                        true));
        JsonNode disabled = awaitStatus(id, "disabled");

        assertThat(disabled.path("disabledReasonCode").asString()).isEqualTo("rejected.fraud");
        assertThat(disabled.path("disabledReason").asString()).contains("fraud");
    }

    @Test
    void eventsOfOtherTypesAreCommittedAPollAtATimeNotOneByOne() {
        MessageListenerContainer accountEvents = listeners.getListenerContainer("catalog-sync-connections");
        double commitsBefore = consumerMetric(accountEvents, "commit-total");
        double consumedBefore = consumerMetric(accountEvents, "records-consumed-total");
        int events = 300;
        for (int i = 0; i < events; i++) {
            byte[] body = ("{\"id\":\"evt_other_%d_%d\",\"object\":\"event\",\"type\":\"charge.succeeded\","
                            + "\"created\":1767225600,\"livemode\":false,\"data\":{\"object\":"
                            + "{\"id\":\"ch_other_%d\",\"object\":\"charge\"}}}")
                    .formatted(System.nanoTime(), i, i)
                    .getBytes(StandardCharsets.UTF_8);
            producer.send(WebhookBridge.record(ConnectionApi.JSON.readTree(body), body));
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> consumerMetric(accountEvents, "records-consumed-total") >= consumedBefore + events
                        && consumerMetric(accountEvents, "commit-total") > commitsBefore);

        assertThat(consumerMetric(accountEvents, "commit-total") - commitsBefore)
                .as("offset commits for %d events no listener of this group applies", events)
                .isLessThan(events / 5.0);
    }

    /** A client-wide metric of the container's Kafka consumers (not its per-topic copies), summed over them. */
    private static double consumerMetric(MessageListenerContainer container, String name) {
        return container.metrics().values().stream()
                .flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> metric.getKey().name().equals(name)
                        && !metric.getKey().tags().containsKey("topic"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    private String linkOnboarding(String accountId) {
        stripe.createAccount(AccountSpec.newConnected().withId(accountId));
        ConnectionApi.Reply reply =
                api.post("/api/connections/onboarding", Map.of("tenant", "harbor", "accountId", accountId));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("connection").path("status").asString()).isEqualTo("pending");
        return reply.body().path("connection").path("id").asString();
    }

    private void send(OnboardingFixture events, String... suffixes) {
        for (String suffix : suffixes) {
            FixtureEvent event = events.event(suffix);
            producer.send(WebhookBridge.record(ConnectionApi.JSON.readTree(event.body()), event.body()));
        }
        producer.flush();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/connections/" + id)
                                .body()
                                .path("status")
                                .asString(),
                        status::equals);
        return api.get("/api/connections/" + id).body();
    }

    private static List<JsonNode> distinctById(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = ConnectionApi.JSON.readTree(record.value());
            byId.putIfAbsent(event.path("id").asString(), event);
        }
        return List.copyOf(byId.values());
    }
}
