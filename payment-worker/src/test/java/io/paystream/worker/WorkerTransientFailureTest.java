package io.paystream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** MongoDB going away pauses the worker: the event waits and is applied once MongoDB is back, never dead-lettered. */
class WorkerTransientFailureTest {

    @TempDir
    Path temp;

    @Test
    void anEventArrivingWhileMongoIsDownIsAppliedWhenItIsBackAndNeverDeadLettered() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        broker.addTopics(
                new NewTopic(Topics.STRIPE_EVENTS, 1, (short) 1),
                new NewTopic(Topics.PAYMENTS_EVENTS, 1, (short) 1),
                new NewTopic(Topics.STRIPE_EVENTS_DEAD_LETTER, 1, (short) 1));
        int port = FreePorts.next();
        Path file = temp.resolve("mongo.mv");
        EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(file, port);
        String uri = "mongodb://127.0.0.1:" + port + "/paystream?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
        try (WorkerHarness harness = new WorkerHarness(broker.getBrokersAsString(), uri)) {
            ConfigurableApplicationContext worker = harness.startWorker();
            String before = "cus_before_" + UUID.randomUUID();
            harness.send(StripeRecords.of(
                    "evt_b_" + before, "customer.created", before, false, customer("evt_b_" + before, before)));
            await().atMost(Duration.ofSeconds(30)).until(() -> exists(harness, before));

            mongo.shutdownNow();
            String during = "cus_during_" + UUID.randomUUID();
            harness.send(StripeRecords.of(
                    "evt_d_" + during, "customer.created", during, false, customer("evt_d_" + during, during)));
            // Long enough for several failed attempts (1 s server selection each, back-off from 100 ms).
            await().pollDelay(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> true);

            mongo = EmbeddedMongoServer.persistent(file, port);
            await().atMost(Duration.ofSeconds(60)).until(() -> exists(harness, during));
            assertThat(deadLetterCount(broker)).isZero();
            assertThat(worker.isActive()).isTrue();
        } finally {
            mongo.shutdownNow();
            broker.destroy();
        }
    }

    private static boolean exists(WorkerHarness harness, String id) {
        try {
            return harness.database()
                            .getCollection("customers")
                            .find(new Document("_id", id))
                            .first()
                    != null;
        } catch (RuntimeException mongoNotBackYet) {
            return false;
        }
    }

    private static byte[] customer(String eventId, String id) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"customer.created\",\"created\":1794900000,"
                        + "\"livemode\":false,\"data\":{\"object\":{\"id\":\"" + id + "\",\"object\":\"customer\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int deadLetterCount(EmbeddedKafkaKraftBroker broker) {
        try (var consumer =
                WorkerHarness.fromStart(broker.getBrokersAsString(), Topics.STRIPE_EVENTS_DEAD_LETTER, "dlt-count-")) {
            int count = 0;
            for (int i = 0; i < 4; i++) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }
}
