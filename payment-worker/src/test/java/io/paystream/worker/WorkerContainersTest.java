package io.paystream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.ContainerImages;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TopicReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The end-to-end case against a real MongoDB and a real Kafka in containers, where Docker exists; skipped cleanly
 * without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class WorkerContainersTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    private static WorkerHarness harness;

    @BeforeAll
    static void start() {
        harness = new WorkerHarness(KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("paystream"));
        harness.startWorker();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void lifecyclesWithRedeliveriesEndInTheEngineStateAndPublishEveryDomainEvent() {
        String runId = "tc" + System.nanoTime();
        List<FixtureEvent> events = WorkerHarness.allLifecycles(runId);
        WorkerHarness.Reference expected = WorkerHarness.reference(events, runId);
        try (TopicReader feed = harness.feed()) {
            harness.sendAll(events);
            harness.sendAll(events);
            harness.awaitState(expected, runId);
            assertThat(WorkerHarness.versions(harness.database(), runId)).isEqualTo(expected.versions());
            assertThat(WorkerHarness.awaitIds(feed, expected.domainEventIds())).containsAll(expected.domainEventIds());
        }
    }
}
