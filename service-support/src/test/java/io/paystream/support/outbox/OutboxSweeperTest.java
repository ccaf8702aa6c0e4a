package io.paystream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * When the sweeper runs passes (only while one is due, until a pass whose cutoff reaches the moment it was asked
 * for has succeeded) and what a pass publishes, leaves and reports. The clock is moved by hand.
 */
class OutboxSweeperTest extends RealKafkaAndMongo {

    private static final Duration MIN_AGE = Duration.ofSeconds(15);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<OutboxBacklog> backlogs = new ArrayList<>();

    @Test
    void aStartIsCoveredOnceAPassHasReachedItsMomentAndThenNoPassRunsUntilOneIsAskedFor() throws Exception {
        String topic = newTopic("payments.events");
        OutboxSweeper sweeper = sweeper(relay(), topic, 100);
        leaveEntry("po_1", topic, clock.instant().minusSeconds(60));
        assertThat(sweeper.isSweepDue())
                .as("a previous run may have died mid-relay")
                .isTrue();

        assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);
        assertThat(sweeper.isSweepDue())
                .as("entries written in the last min-age before the start are not covered yet")
                .isTrue();
        clock.advance(MIN_AGE);
        assertThat(sweeper.sweepIfNeeded()).isZero();
        assertThat(sweeper.isSweepDue()).isFalse();

        leaveEntry("po_2", topic, clock.instant().minusSeconds(60));
        assertThat(sweeper.sweepIfNeeded()).as("nothing asked for a pass").isZero();
        assertThat(outboxIds("payouts", "po_2")).hasSize(1);

        sweeper.sweepNeeded(); // a failed relay or an assignment
        clock.advance(MIN_AGE);
        assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);
        assertThat(outboxIds("payouts", "po_2")).isEmpty();
        assertThat(sweeper.isSweepDue()).isFalse();
        assertThat(awaitRecords(topic, 2)).extracting(ConsumerRecord::key).containsExactly("po_1", "po_2");
    }

    @Test
    void aPassThatCannotPublishStaysDueLeavesTheEntriesAndCountsThem() throws Exception {
        String topic = newTopic("payments.events");
        OutboxSweeper sweeper = sweeper(relayWithoutBroker(), topic, 100);
        leaveEntry("po_3", topic, clock.instant().minusSeconds(60));
        leaveEntry("po_4", topic, clock.instant().minusSeconds(60));
        clock.advance(MIN_AGE);

        assertThat(sweeper.sweepIfNeeded()).isZero();

        assertThat(sweeper.isSweepDue()).isTrue();
        assertThat(outboxIds("payouts", "po_3")).hasSize(1);
        assertThat(backlogs).last().isEqualTo(new OutboxBacklog(2, 2));
    }

    @Test
    void entriesBothServicesStoredBeforeThisModuleArePublishedAsTheyWere() throws Exception {
        String events = newTopic("payments.events");
        String registrations = newTopic("paystream.webhook-endpoints");
        Date old = Date.from(clock.instant().minusSeconds(60));
        // payment-worker's shape: no topic, no key
        store(
                "payouts",
                "po_w",
                List.of(new Document("id", "ce_w")
                        .append("type", "io.paystream.payout.paid")
                        .append("at", old)
                        .append("event", "{\"id\":\"ce_w\"}")));
        // catalog-sync's shape: value and ceType, a tombstone as a null value
        store(
                "connections",
                "conn_c",
                List.of(
                        new Document("id", "ce_c")
                                .append("topic", events)
                                .append("key", "conn_c")
                                .append("value", "{\"id\":\"ce_c\"}")
                                .append("ceType", "io.paystream.connection.status_changed")
                                .append("at", old),
                        new Document("id", "t_c")
                                .append("topic", registrations)
                                .append("key", "conn_c")
                                .append("value", null)
                                .append("ceType", null)
                                .append("at", old)));
        OutboxSweeper sweeper = new OutboxSweeper(
                database,
                List.of(new OutboxCollection("payouts", events), new OutboxCollection("connections", events)),
                relay(),
                backlogs::add,
                clock,
                MIN_AGE,
                100);

        assertThat(sweeper.sweepIfNeeded()).isEqualTo(3);

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(events, 2);
        assertThat(published).extracting(ConsumerRecord::key).containsExactly("po_w", "conn_c");
        assertThat(published)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly("io.paystream.payout.paid", "io.paystream.connection.status_changed");
        assertThat(published).extracting(r -> header(r, "ce_id")).containsExactly("ce_w", "ce_c");
        assertThat(value(published.get(0))).isEqualTo("{\"id\":\"ce_w\"}");
        ConsumerRecord<String, byte[]> tombstone =
                awaitRecords(registrations, 1).get(0);
        assertThat(tombstone.key()).isEqualTo("conn_c");
        assertThat(tombstone.value()).isNull();
        assertThat(outboxIds("payouts", "po_w")).isEmpty();
        assertThat(outboxIds("connections", "conn_c")).isEmpty();
    }

    @Test
    void youngEntriesAreLeftToTheirWriterAndAnUnreadableOneIsLeftAndCounted() throws Exception {
        String topic = newTopic("payments.events");
        OutboxSweeper sweeper = sweeper(relay(), topic, 100);
        OutboxEntry old = OutboxEntry.cloudEvent(
                "old", "t", topic, "po_5", "{}", clock.instant().minusSeconds(60));
        OutboxEntry young = OutboxEntry.cloudEvent("young", "t", topic, "po_5", "{}", clock.instant());
        Document unreadable = new Document("id", "broken")
                .append("at", Date.from(clock.instant().minusSeconds(60)));
        List<Document> outbox = new ArrayList<>(OutboxDocuments.toDocuments(List.of(old, young)));
        outbox.add(unreadable);
        store("payouts", "po_5", outbox);

        assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);

        assertThat(outboxIds("payouts", "po_5")).containsExactly("young", "broken");
        assertThat(backlogs).last().as("young entries are not a backlog").isEqualTo(new OutboxBacklog(1, 1));
        assertThat(awaitRecords(topic, 1)).extracting(r -> header(r, "ce_id")).containsExactly("old");
    }

    @Test
    void aFullBatchMayHaveMoreBehindItSoAnotherPassFollows() throws Exception {
        String topic = newTopic("payments.events");
        OutboxSweeper sweeper = sweeper(relay(), topic, 2);
        for (String id : List.of("po_a", "po_b", "po_c")) {
            leaveEntry(id, topic, clock.instant().minusSeconds(60));
        }
        clock.advance(MIN_AGE);

        assertThat(sweeper.sweepIfNeeded()).isEqualTo(2);
        assertThat(sweeper.isSweepDue()).isTrue();
        assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);
        assertThat(recordCount(topic)).isEqualTo(3);
        // an incomplete pass counts as a failed one: covered once a complete pass reaches the moment it ended
        assertThat(sweeper.isSweepDue()).isTrue();
        clock.advance(MIN_AGE);
        assertThat(sweeper.sweepIfNeeded()).isZero();
        assertThat(sweeper.isSweepDue()).isFalse();
    }

    @Test
    void aWritersFailedRelayLeavesItsEntriesAndAsksForAPass() throws Exception {
        String topic = newTopic("payments.events");
        OutboxSweeper failing = sweeper(relayWithoutBroker(), topic, 100);
        clock.advance(MIN_AGE);
        failing.sweepIfNeeded();
        assertThat(failing.isSweepDue()).isFalse();
        PendingEntries written = leaveEntry("po_6", topic, clock.instant());

        assertThat(failing.relayOrSweepLater(List.of(written))).isFalse();

        assertThat(failing.isSweepDue()).isTrue();
        assertThat(outboxIds("payouts", "po_6")).hasSize(1);
        OutboxSweeper working = sweeper(relay(), topic, 100);
        assertThat(working.relayOrSweepLater(List.of(written))).isTrue();
        assertThat(outboxIds("payouts", "po_6")).isEmpty();
    }

    @Test
    void theScheduleLooksForDuePassesAndAsksForAFullOne() throws Exception {
        OutboxSweeper sweeper = sweeper(relay(), newTopic("payments.events"), 100);
        clock.advance(MIN_AGE);
        sweeper.sweepIfNeeded();
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        sweeper.schedule(Duration.ofSeconds(1), Duration.ofMinutes(1)).configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList())
                .extracting(IntervalTask::getIntervalDuration)
                .containsExactly(Duration.ofSeconds(1));
        assertThat(registrar.getFixedRateTaskList())
                .extracting(IntervalTask::getIntervalDuration)
                .containsExactly(Duration.ofMinutes(1));
        assertThat(sweeper.isSweepDue()).isFalse();
        registrar.getFixedRateTaskList().get(0).getRunnable().run();
        assertThat(sweeper.isSweepDue()).isTrue();
    }

    @Test
    void theBacklogGaugesKeepTheNamesOpsWatch() throws Exception {
        String topic = newTopic("payments.events");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OutboxBacklogGauge entries =
                OutboxBacklogGauge.entries(registry, "paystream.worker.outbox.backlog", "entries left behind");
        OutboxBacklogGauge documents = OutboxBacklogGauge.documents(
                registry, "paystream.catalog.connection.outbox.backlog", "documents with entries left behind");
        OutboxSweeper sweeper = new OutboxSweeper(
                database,
                List.of(new OutboxCollection("payouts", topic)),
                relayWithoutBroker(),
                entries.andThen(documents),
                clock,
                MIN_AGE,
                100);
        leaveEntry("po_7", topic, clock.instant().minusSeconds(60));
        leaveEntry("po_7b", topic, clock.instant().minusSeconds(60));

        sweeper.sweepIfNeeded();

        assertThat(entries.value()).isEqualTo(2);
        assertThat(documents.value()).isEqualTo(2);
        assertThat(registry.scrape())
                .contains("paystream_worker_outbox_backlog 2.0")
                .contains("paystream_catalog_connection_outbox_backlog 2.0");
    }

    private OutboxSweeper sweeper(OutboxRelay relay, String defaultTopic, int batchSize) {
        return new OutboxSweeper(
                database,
                List.of(new OutboxCollection("payouts", defaultTopic)),
                relay,
                backlogs::add,
                clock,
                MIN_AGE,
                batchSize);
    }

    /** What a writer killed between its write and its relay leaves behind. */
    private PendingEntries leaveEntry(String documentId, String topic, Instant at) {
        String eventId = UUID.randomUUID().toString();
        OutboxEntry entry = OutboxEntry.cloudEvent(
                eventId, "io.paystream.payout.paid", topic, documentId, "{\"id\":\"" + eventId + "\"}", at);
        store("payouts", documentId, OutboxDocuments.toDocuments(List.of(entry)));
        return new PendingEntries("payouts", documentId, List.of(entry));
    }
}
