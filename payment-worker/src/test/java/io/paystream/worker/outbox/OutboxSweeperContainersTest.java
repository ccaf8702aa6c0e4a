package io.paystream.worker.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.testsupport.ContainerImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The sweeper contract on a real MongoDB and Kafka in containers, where Docker exists; skipped cleanly without it. */
@Testcontainers(disabledWithoutDocker = true)
class OutboxSweeperContainersTest extends OutboxSweeperContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl("paystream"));
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    protected MongoClient mongoClient() {
        return client;
    }
}
