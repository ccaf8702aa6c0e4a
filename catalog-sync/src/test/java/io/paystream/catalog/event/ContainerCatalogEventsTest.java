package io.paystream.catalog.event;

import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.ContainerImages;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The event contract against a real MongoDB and Kafka in containers; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@Import(EmulatorConfiguration.class)
class ContainerCatalogEventsTest extends CatalogEventsContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("paystream"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }
}
