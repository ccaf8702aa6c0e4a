package io.paystream.localstack;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** {@code tail} against the Kafka image docker-compose.yml runs; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class TopicTailContainerTest extends TopicTailContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.2");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
