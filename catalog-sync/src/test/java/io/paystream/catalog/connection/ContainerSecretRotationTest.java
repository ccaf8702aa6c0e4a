package io.paystream.catalog.connection;

import org.testcontainers.junit.jupiter.Testcontainers;

/** Against MongoDB and Kafka containers, wherever Docker exists. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerSecretRotationTest extends SecretRotationContract {

    @Override
    String kafkaBootstrap() {
        return ContainerInfrastructure.kafkaBootstrap();
    }

    @Override
    String mongoUri(String database) {
        return ContainerInfrastructure.mongoUri(database);
    }
}
