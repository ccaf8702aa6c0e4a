package io.paystream.worker.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.testsupport.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The sweeper contract on an embedded KRaft broker and the embedded Mongo server. */
class OutboxSweeperTest extends OutboxSweeperContract {

    private static EmbeddedKafkaKraftBroker broker;
    private static EmbeddedMongoServer mongoServer;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        mongoServer = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(mongoServer.connectionString("paystream"));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongoServer.shutdownNow();
        broker.destroy();
    }

    @Override
    protected String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    protected MongoClient mongoClient() {
        return client;
    }
}
