package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TopicReader;
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

        try (TopicReader topic = TopicReader.fromBeginning(kafka.getBootstrapServers(), Topics.STRIPE_EVENTS)) {
            assertThat(new WebhookClient(port).sendSigned(body, SECRET).statusCode())
                    .isEqualTo(200);

            ConsumerRecord<String, byte[]> record = topic.awaitRecord(TestEvents.hasEventId(eventId));
            assertThat(record.value()).isEqualTo(body);
            assertThat(record.key()).isEqualTo("pi_container");
            assertThat(TopicReader.headers(record))
                    .containsEntry(StripeEventHeaders.EVENT_ID, eventId)
                    .containsEntry(StripeEventHeaders.ACCOUNT, "acct_c")
                    .containsEntry(StripeEventHeaders.ENDPOINT_ID, "default");
        }
    }
}
