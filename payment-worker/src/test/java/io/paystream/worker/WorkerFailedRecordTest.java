package io.paystream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record that fails must not hold back the domain events of the records before it in its batch: their state is
 * written and their offsets are committed, so nothing re-polls them, and with the full sweep an hour away only the
 * consumer's own relay can publish them in time.
 */
class WorkerFailedRecordTest {

    @Test
    void domainEventsOfTheRecordsBeforeAPoisonRecordInItsBatchArePublishedAtOnce() {
        // A broker of its own, with one partition (the shared broker's topics have several): every record below is in
        // the log before the worker starts, so its first poll returns them all as one batch (far below
        // max.poll.records and the fetch size limits), the poison record last.
        TestKafka kafka = TestKafka.isolated()
                .createTopics(1, Topics.STRIPE_EVENTS, Topics.PAYMENTS_EVENTS, Topics.STRIPE_EVENTS_DEAD_LETTER);
        EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
        String runId = "poison" + UUID.randomUUID().toString().substring(0, 8);
        List<FixtureEvent> valid = new ArrayList<>(StripeFixtures.lifecycle("card_checkout_success", runId));
        valid.addAll(StripeFixtures.lifecycle("payout_paid", runId));
        WorkerHarness.Reference expected = WorkerHarness.reference(valid, runId);
        assertThat(expected.domainEventIds()).isNotEmpty();
        try (WorkerHarness harness = new WorkerHarness(kafka.bootstrapServers(), mongo.connectionString("paystream"))) {
            harness.sendAll(valid);
            String poisonId = "evt_" + runId + "_poison";
            harness.send(StripeRecords.of(
                    poisonId, "charge.succeeded", "ch_" + runId, false, "{not json".getBytes(StandardCharsets.UTF_8)));

            // Passes of the sweeper take only entries older than min-age: an hour keeps them out of this test, so
            // what reaches the feed was relayed by the consumer itself.
            harness.startWorker("--paystream.worker.outbox.min-age=1h");
            try (TopicReader feed = harness.feed()) {
                // The records before the poison are applied (and their offsets committed) ...
                harness.awaitState(expected, runId, Duration.ofSeconds(60));
                // ... and their domain events follow within seconds, not at the next full sweep.
                feed.awaitTimeout(Duration.ofSeconds(15));
                assertThat(WorkerHarness.awaitIds(feed, expected.domainEventIds()))
                        .containsAll(expected.domainEventIds());
            }
        } finally {
            mongo.shutdownNow();
            kafka.close();
        }
    }
}
