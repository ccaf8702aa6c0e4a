package io.paystream.catalog.connection;

/** Against a Kafka broker process and the embedded MongoDB wire server. */
class EmbeddedSecretRotationTest extends SecretRotationContract {

    @Override
    String kafkaBootstrap() {
        return SharedInfrastructure.kafkaBootstrap();
    }

    @Override
    String mongoUri(String database) {
        return SharedInfrastructure.mongoUri(database);
    }
}
