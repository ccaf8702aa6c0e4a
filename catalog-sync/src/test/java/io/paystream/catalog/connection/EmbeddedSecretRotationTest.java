package io.paystream.catalog.connection;

import io.paystream.testsupport.EmbeddedMongoServer;
import org.junit.jupiter.api.AutoClose;

/**
 * Against test-support's shared Kafka broker and an embedded MongoDB wire server of this class: its application
 * instances are started and closed by each test, so the server outlives them and is closed after the class.
 */
class EmbeddedSecretRotationTest extends SecretRotationContract {

    @AutoClose
    private static final EmbeddedMongoServer MONGO = EmbeddedMongoServer.inMemory();

    @Override
    String kafkaBootstrap() {
        return SharedInfrastructure.embeddedKafka();
    }

    @Override
    String mongoUri(String database) {
        return MONGO.connectionString(database);
    }
}
