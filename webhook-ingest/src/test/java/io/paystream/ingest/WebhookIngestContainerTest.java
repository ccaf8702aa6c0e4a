package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.events.StripeEventHeaders;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The happy path against the Kafka image production runs; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paystream.ingest.endpoints.default.secrets=" + WebhookIngestContainerTest.SECRET)
class WebhookIngestContainerTest {

    static final String SECRET = "whsec_container_secret";

    @Container
    @ServiceConnection
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");

    @LocalServerPort
    int port;

    @Test
    void publishesTheExactBytesKeyedByObjectId() {
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "payment_intent.succeeded", "pi_container", false, "acct_c");

        try (TopicRecords topic = new TopicRecords(kafka.getBootstrapServers())) {
            assertThat(new WebhookClient(port).sendSigned(body, SECRET).statusCode())
                    .isEqualTo(200);

            ConsumerRecord<String, byte[]> record =
                    await().atMost(Duration.ofSeconds(60)).until(() -> topic.get(eventId), r -> r != null);
            assertThat(record.value()).isEqualTo(body);
            assertThat(record.key()).isEqualTo("pi_container");
            assertThat(TopicRecords.headers(record))
                    .containsEntry(StripeEventHeaders.EVENT_ID, eventId)
                    .containsEntry(StripeEventHeaders.ACCOUNT, "acct_c")
                    .containsEntry(StripeEventHeaders.ENDPOINT_ID, "default");
        }
    }
}
