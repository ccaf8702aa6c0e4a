package io.paystream.catalog.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * MongoDB gone in the middle of the stream: the listener names the batch's first readable event, so the records
 * before it (other types, an unreadable event already counted) are committed and the error handler retries from it.
 */
class MongoOutageTest {

    @Test
    void aBatchThatCannotReachMongoDbNamesItsFirstReadableEventForTheErrorHandler() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(server.connectionString("paystream")))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                        .applyToSocketSettings(socket ->
                                socket.connectTimeout(1, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS))
                        .build())) {
            EventPath path = new EventPath(client.getDatabase("paystream"), Clock.systemUTC());
            long now = System.currentTimeMillis() / 1000;
            List<ConsumerRecord<String, byte[]>> records = path.batch(List.of(
                    CatalogEventRecords.otherType("evt_pi", "payment_intent.succeeded", "pi_1"),
                    CatalogEventRecords.unreadable("platform", "evt_x", "product.updated", "prod_1"),
                    CatalogEventRecords.product("platform", "evt_1", "product.created", now, "prod_1", "Plan", true),
                    CatalogEventRecords.price("platform", "evt_2", "price.created", now, "price_1", "prod_1", true)));
            server.shutdownNow();

            assertThatThrownBy(() -> path.listener.onEvents(records))
                    .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                        assertThat(e.getRecord()).isSameAs(records.get(2));
                        assertThat(e.getCause()).isInstanceOf(MongoException.class);
                    });
            assertThat(path.events("product.updated", "failed")).isEqualTo(1);
            assertThat(path.events("product.created", "applied"))
                    .as("counted once written")
                    .isZero();
        }
    }
}
