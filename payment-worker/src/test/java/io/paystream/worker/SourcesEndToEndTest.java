package io.paystream.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.EventSource;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.events.domain.DomainEvents;
import io.paystream.events.fetched.FetchedObject;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Records that did not come as webhooks, as catalog-sync publishes them to {@code stripe.events} (fetched objects of a
 * backfill, reconciled events), through the embedded broker: the state they leave and the feed they make.
 */
class SourcesEndToEndTest {

    private static final long SECOND = 1_794_900_000L;

    private static EmbeddedMongoServer mongoServer;
    private static WorkerHarness harness;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() {
        TestKafka kafka = WorkerHarness.sharedKafka();
        mongoServer = EmbeddedMongoServer.inMemory();
        harness = new WorkerHarness(kafka.bootstrapServers(), mongoServer.connectionString("paystream"));
        worker = harness.startWorker();
    }

    @AfterAll
    static void stop() {
        harness.close();
        mongoServer.shutdownNow();
    }

    @Test
    void aBackfillIsStoredSilentlyForUnknownObjectsAndReportsWhatChangedKnownOnesMarked() {
        String run = "bf" + UUID.randomUUID().toString().substring(0, 8);
        String known = "in_" + run;
        String history = "in_" + run + "_old";
        try (TopicReader feed = harness.feed()) {
            harness.send(webhook("evt_" + run + "_open", "invoice.finalized", SECOND, invoice(known, "open")));
            awaitStatus(known, "open");

            // A paid invoice of long ago, first seen by the backfill: stored, not announced.
            harness.send(fetched(FetchedObject.of(
                    invoice(history, "paid"), null, false, at(SECOND), EventSource.BACKFILL, run, run)));
            awaitStatus(history, "paid");

            // The known invoice was paid while the webhooks were away: the backfill reports it.
            FetchedObject paid = FetchedObject.of(
                    invoice(known, "paid"), null, false, at(SECOND + 3600), EventSource.BACKFILL, run, run);
            harness.send(fetched(paid));
            DomainEvent reported = DomainEvents.read(
                    feed.awaitRecord(TopicReader.hasKey(known)).value());

            assertThat(reported.type()).isEqualTo(DomainEventTypes.INVOICE_PAID);
            assertThat(reported.paystreamsource()).isEqualTo("backfill");
            assertThat(reported.id()).isEqualTo(DomainEvent.idFor(paid.id().value(), DomainEventTypes.INVOICE_PAID));
            assertThat(reported.time()).isEqualTo(Instant.ofEpochSecond(SECOND + 3600));
            // Relayed in write order: an event for the history invoice would be on the feed by now.
            assertThat(feed.caughtUp()).noneMatch(record -> history.equals(record.key()));
        }
        Document stored = invoice(known);
        assertThat(stored.getString("status")).isEqualTo("paid");
        assertThat(stored.getString("lastEventId")).isEqualTo("fetch_" + run + "_" + known);
        assertThat(counter(WorkerMetrics.EVENTS, "source", "backfill", "outcome", "applied"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReconciledEventIsReportedMarkedAndCountedAsRecoveredAndItsLateWebhookIsADuplicate() {
        String run = "rc" + UUID.randomUUID().toString().substring(0, 8);
        String missed = "in_" + run;
        String live = "in_" + run + "_live";
        byte[] paid = event("evt_" + run, "invoice.paid", SECOND, invoice(missed, "paid"));
        double recoveredBefore = counter(WorkerMetrics.RECOVERED, "type", "invoice.paid");
        try (TopicReader feed = harness.feed()) {
            ProducerRecord<String, byte[]> reconciled =
                    StripeRecords.of("evt_" + run, "invoice.paid", missed, false, paid);
            reconciled.headers().add(StripeEventHeaders.SOURCE, "reconciliation".getBytes(UTF_8));
            harness.send(reconciled);
            ConsumerRecord<String, byte[]> record = feed.awaitRecord(TopicReader.hasKey(missed));
            DomainEvent reported = DomainEvents.read(record.value());
            assertThat(reported.paystreamsource()).isEqualTo("reconciliation");
            assertThat(reported.id()).isEqualTo(DomainEvent.idFor("evt_" + run, DomainEventTypes.INVOICE_PAID));
            assertThat(counter(WorkerMetrics.RECOVERED, "type", "invoice.paid")).isEqualTo(recoveredBefore + 1);

            // The webhook comes after all; then a webhook of another invoice, on the same partition, behind it.
            double duplicates = counter(WorkerMetrics.EVENTS, "source", "webhook", "outcome", "duplicate");
            harness.send(StripeRecords.of("evt_" + run, "invoice.paid", missed, false, paid));
            harness.send(StripeRecords.of(
                    "evt_" + run + "_live",
                    "invoice.paid",
                    missed,
                    false,
                    event("evt_" + run + "_live", "invoice.paid", SECOND, invoice(live, "paid"))));
            ConsumerRecord<String, byte[]> webhookDriven = feed.awaitRecord(TopicReader.hasKey(live));

            assertThat(new String(webhookDriven.value(), UTF_8)).doesNotContain("paystreamsource");
            assertThat(counter(WorkerMetrics.EVENTS, "source", "webhook", "outcome", "duplicate"))
                    .isEqualTo(duplicates + 1);
            assertThat(feed.caughtUp()).filteredOn(TopicReader.hasKey(missed)).hasSize(1);
            assertThat(counter(WorkerMetrics.RECOVERED, "type", "invoice.paid")).isEqualTo(recoveredBefore + 1);
        }
    }

    private static Instant at(long second) {
        return Instant.ofEpochSecond(second).plusMillis(250);
    }

    private static ProducerRecord<String, byte[]> fetched(FetchedObject fetched) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_FETCHED, fetched.key(), fetched.toValue());
        fetched.headers("tenant_test").forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        return record;
    }

    private static ProducerRecord<String, byte[]> webhook(String id, String type, long created, String object) {
        return StripeRecords.of(
                id, type, object.substring(7, object.indexOf('"', 7)), false, event(id, type, created, object));
    }

    private static byte[] event(String id, String type, long created, String object) {
        return ("{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + created
                        + ",\"livemode\":false,\"data\":{\"object\":" + object + "}}")
                .getBytes(UTF_8);
    }

    private static String invoice(String id, String status) {
        boolean paid = "paid".equals(status);
        return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"status\":\"" + status
                + "\",\"amount_due\":2900,\"amount_paid\":" + (paid ? 2900 : 0) + ",\"amount_remaining\":"
                + (paid ? 0 : 2900) + ",\"currency\":\"usd\",\"attempt_count\":" + (paid ? 1 : 0)
                + ",\"customer\":\"cus_1\"}";
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Document stored = invoice(id);
            return stored != null && status.equals(stored.getString("status"));
        });
    }

    private static Document invoice(String id) {
        return harness.database()
                .getCollection("invoices")
                .find(new Document("_id", id))
                .first();
    }

    private static double counter(String name, String... tags) {
        return worker.getBean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
