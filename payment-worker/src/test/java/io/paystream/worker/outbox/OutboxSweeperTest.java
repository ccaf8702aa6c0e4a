package io.paystream.worker.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.worker.WorkerHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sweeper contract on the JVM's shared embedded KRaft broker and the embedded Mongo server. */
class OutboxSweeperTest extends OutboxSweeperContract {

    private static TestKafka kafka;
    private static EmbeddedMongoServer mongoServer;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        kafka = WorkerHarness.sharedKafka();
        mongoServer = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(mongoServer.connectionString("paystream"));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongoServer.shutdownNow();
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    protected MongoClient mongoClient() {
        return client;
    }
}
