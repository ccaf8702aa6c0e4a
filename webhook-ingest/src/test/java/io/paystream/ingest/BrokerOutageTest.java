package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.Topics;
import io.paystream.testsupport.KafkaBrokerProcess;
import io.paystream.testsupport.kafka.TopicReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A real broker process is stopped under the running ingest: Stripe must get 503 with Retry-After and never a 200,
 * fast once the circuit is open; when the broker is back, 200 again and the events are on the topic.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.ingest.endpoints.default.secrets=" + BrokerOutageTest.SECRET,
            "paystream.ingest.publish-timeout=1500ms",
            "resilience4j.circuitbreaker.instances.kafka-publish.minimum-number-of-calls=3",
            "resilience4j.circuitbreaker.instances.kafka-publish.sliding-window-size=5",
            "resilience4j.circuitbreaker.instances.kafka-publish.wait-duration-in-open-state=2s"
        })
@DirtiesContext
class BrokerOutageTest {

    static final String SECRET = "whsec_outage_secret";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static KafkaBrokerProcess broker;
    private static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("ingest-outage-broker");
        broker = KafkaBrokerProcess.start(dataDir);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.STRIPE_EVENTS, 1, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    void answers503WhileTheBrokerIsDownAnd200AgainWhenItIsBack() throws Exception {
        WebhookClient client = new WebhookClient(port);
        try (TopicReader topic = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.STRIPE_EVENTS)
                .awaitTimeout(WAIT)) {
            String first = TestEvents.newEventId();
            assertThat(client.sendSigned(TestEvents.snapshot(first, "pi_before"), SECRET)
                            .statusCode())
                    .isEqualTo(200);
            topic.awaitRecord(TestEvents.hasEventId(first));

            broker.stop();
            double acceptedBefore = accepted();
            List<Long> outageMillis = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response =
                        client.sendSigned(TestEvents.snapshot(TestEvents.newEventId(), "pi_outage_" + i), SECRET);
                outageMillis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(response.statusCode())
                        .as("request %d during the outage", i)
                        .isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(response.body()).contains("\"error\":\"unavailable\"");
            }
            assertThat(accepted()).as("nothing claimed accepted").isEqualTo(acceptedBefore);
            assertThat(circuitBreakers.circuitBreaker("kafka-publish").getState())
                    .isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
            assertThat(outageMillis.get(outageMillis.size() - 1))
                    .as("an open circuit answers without waiting for the publish timeout")
                    .isLessThan(1000);
            assertThat(meters.get("resilience4j.circuitbreaker.state")
                            .tag("name", "kafka-publish")
                            .tag("state", "open")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);

            broker.restart();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                String eventId = TestEvents.newEventId();
                HttpResponse<String> response = client.sendSigned(TestEvents.snapshot(eventId, "pi_after"), SECRET);
                if (response.statusCode() == 200) {
                    acknowledged.add(eventId);
                    return true;
                }
                assertThat(response.statusCode()).isEqualTo(503);
                return false;
            });
            topic.awaitUntil(records -> TestEvents.eventIds(records).containsAll(acknowledged));
        }
    }

    private double accepted() {
        return meters.get("paystream.ingest.requests")
                .tag("endpoint", "default")
                .tag("outcome", "accepted")
                .counter()
                .count();
    }
}
