package io.paystream.catalog.connection;

import io.paystream.testsupport.ContainerImages;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The application against real MongoDB and Kafka containers, where Docker exists. Test classes using it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker this never runs.
 */
class ContainerInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.2.2");
            kafka.start();
            SharedInfrastructure.createTopics(kafka.getBootstrapServers());
        }
        return kafka.getBootstrapServers();
    }

    static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoDBContainer(ContainerImages.MONGO);
            mongo.start();
        }
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "connection-test-containers",
                        new LinkedHashMap<>(
                                SharedInfrastructure.applicationProperties(kafkaBootstrap(), mongoUri("paystream")))));
    }
}
