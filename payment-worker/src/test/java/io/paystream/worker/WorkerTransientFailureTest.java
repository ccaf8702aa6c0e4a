package io.paystream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import io.paystream.worker.metrics.WorkerMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** MongoDB going away pauses the worker: the event waits and is applied once MongoDB is back, never dead-lettered. */
class WorkerTransientFailureTest {

    @TempDir
    Path temp;

    @Test
    void anEventArrivingWhileMongoIsDownIsAppliedWhenItIsBackAndNeverDeadLettered() {
        // A broker of its own: the assertion covers the whole dead-letter topic, which other classes write to.
        TestKafka kafka = TestKafka.isolated()
                .createTopics(1, Topics.STRIPE_EVENTS, Topics.PAYMENTS_EVENTS, Topics.STRIPE_EVENTS_DEAD_LETTER);
        int port = FreePorts.next();
        Path file = temp.resolve("mongo.mv");
        EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(file, port);
        String uri = "mongodb://127.0.0.1:" + port + "/paystream?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
        try (WorkerHarness harness = new WorkerHarness(kafka.bootstrapServers(), uri)) {
            ConfigurableApplicationContext worker = harness.startWorker();
            String before = "cus_before_" + UUID.randomUUID();
            harness.send(StripeRecords.of(
                    "evt_b_" + before, "customer.created", before, false, customer("evt_b_" + before, before)));
            await().atMost(Duration.ofSeconds(30)).until(() -> exists(harness, before));

            mongo.shutdownNow();
            String during = "cus_during_" + UUID.randomUUID();
            harness.send(StripeRecords.of(
                    "evt_d_" + during, "customer.created", during, false, customer("evt_d_" + during, during)));
            // Several failed attempts (1 s server selection each, back-off from 100 ms) before MongoDB comes back.
            await().atMost(Duration.ofSeconds(60)).until(() -> transientFailures(worker) >= 3);

            mongo = EmbeddedMongoServer.persistent(file, port);
            await().atMost(Duration.ofSeconds(60)).until(() -> exists(harness, during));
            assertThat(deadLetterCount(kafka)).isZero();
            assertThat(worker.isActive()).isTrue();
        } finally {
            mongo.shutdownNow();
            kafka.close();
        }
    }

    private static double transientFailures(ConfigurableApplicationContext worker) {
        Counter counter = worker.getBean(MeterRegistry.class)
                .find(WorkerMetrics.DELIVERY_FAILURES)
                .tag("failure", "transient")
                .counter();
        return counter == null ? 0 : counter.count();
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

    private static int deadLetterCount(TestKafka kafka) {
        try (TopicReader deadLetters =
                TopicReader.fromBeginning(kafka.bootstrapServers(), Topics.STRIPE_EVENTS_DEAD_LETTER)) {
            return deadLetters.caughtUp().size();
        }
    }
}
