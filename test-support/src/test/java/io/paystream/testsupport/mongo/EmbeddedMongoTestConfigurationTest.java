package io.paystream.testsupport.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(EmbeddedMongoTestConfiguration.class)
class EmbeddedMongoTestConfigurationTest {

    @Autowired
    Environment environment;

    @Autowired
    EmbeddedMongoServer server;

    @Test
    void pointsSpringMongodbUriAtTheServersPaystreamDatabase() {
        String uri = environment.getProperty("spring.mongodb.uri");

        assertThat(uri).isEqualTo(server.connectionString("paystream"));
        assertThat(new ConnectionString(uri).getDatabase()).isEqualTo(EmbeddedMongoTestConfiguration.DATABASE);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> things =
                    client.getDatabase(EmbeddedMongoTestConfiguration.DATABASE).getCollection("things");
            things.insertOne(new Document("_id", "thing-1").append("n", 1));
            assertThat(things.find(new Document("_id", "thing-1")).first()).containsEntry("n", 1);
        }
    }

    @Test
    void theServerStopsWithItsContext() throws IOException {
        int port;
        try (var context = new AnnotationConfigApplicationContext(EmbeddedMongoTestConfiguration.class)) {
            port = context.getBean(EmbeddedMongoServer.class).port();
        }

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
    }
}
