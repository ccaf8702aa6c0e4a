package io.paystream.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEvents;
import io.paystream.events.domain.PaymentSucceeded;
import io.paystream.events.domain.StripeChange;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import io.paystream.worker.metrics.WorkerMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker through a real (embedded KRaft) broker into the embedded Mongo server. The JVM's shared broker serves
 * every case, so each one tells its records apart by a run id of its own.
 */
class WorkerEndToEndTest {

    private static EmbeddedMongoServer mongoServer;
    private static WorkerHarness harness;
    private static ConfigurableApplicationContext worker;
    private static TopicReader deadLetters;

    @BeforeAll
    static void start() {
        TestKafka kafka = WorkerHarness.sharedKafka();
        mongoServer = EmbeddedMongoServer.inMemory();
        harness = new WorkerHarness(kafka.bootstrapServers(), mongoServer.connectionString("paystream"));
        worker = harness.startWorker();
        deadLetters = TopicReader.fromBeginning(kafka.bootstrapServers(), Topics.STRIPE_EVENTS_DEAD_LETTER);
    }

    @AfterAll
    static void stop() {
        deadLetters.close();
        harness.close();
        mongoServer.shutdownNow();
    }

    @Test
    void lifecyclesThroughTheBrokerEndInTheEngineStateAndPublishEveryDomainEvent() {
        String runId = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        List<FixtureEvent> events = WorkerHarness.allLifecycles(runId);
        WorkerHarness.Reference expected = WorkerHarness.reference(events, runId);
        assertThat(expected.domainEventIds()).isNotEmpty();

        try (TopicReader feed = harness.feed()) {
            harness.sendAll(events);
            harness.sendAll(events.subList(0, events.size() / 2)); // redeliveries
            harness.awaitState(expected, runId);
            assertThat(WorkerHarness.awaitIds(feed, expected.domainEventIds())).containsAll(expected.domainEventIds());
        }
        // Relayed entries are pulled from the documents.
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutbox(runId) == 0);
    }

    @Test
    void aJavaConsumerReadsTheFeedOfEveryLifecycleAsTypedRecords() {
        String runId = "typed" + UUID.randomUUID().toString().substring(0, 8);
        List<FixtureEvent> events = WorkerHarness.allLifecycles(runId);
        Set<String> ids = WorkerHarness.reference(events, runId).domainEventIds();

        List<DomainEvent> read;
        try (TopicReader feed = harness.feed()) {
            harness.sendAll(events);
            read = feed.awaitUntil(records -> WorkerHarness.ids(records).containsAll(ids)).stream()
                    .filter(record -> ids.contains(TopicReader.header(record, "ce_id")))
                    .map(record -> DomainEvents.read(record.value()))
                    .toList();
        }

        assertThat(read)
                .<Class<?>>extracting(event -> event.typedData().getClass())
                .as("every type of the contract, none read as unknown")
                .containsOnly(StripeChange.class.getPermittedSubclasses());
        DomainEvent paid = read.stream()
                .filter(event -> event.subject().equals("pi_" + runId + "_ccs"))
                .findFirst()
                .orElseThrow();
        assertThat(paid.typedData())
                .isEqualTo(new PaymentSucceeded(
                        "succeeded",
                        4900L,
                        4900L,
                        "usd",
                        "cus_" + runId + "_ccs",
                        "pi_" + runId + "_ccs",
                        "ch_" + runId + "_ccs"));
        assertThat(paid.stripeOrigin())
                .hasValueSatisfying(origin -> assertThat(origin.objectType()).isEqualTo("payment_intent"));
    }

    @Test
    void entriesLeftBehindByAnInstanceThatLeftArePublishedByTheOneThatTakesOverItsPartitions() {
        ConfigurableApplicationContext second = harness.startWorker();
        // Both instances' start-up passes are done, and the harness's full sweep is an hour away: from here on only
        // the partition assignment can make a pass due.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !sweeper(worker).isSweepDue() && !sweeper(second).isSweepDue());
        String id = "po_sweep_" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        // What an instance killed between its state write and its relay leaves behind.
        Document entry = new Document("id", eventId)
                .append("type", "io.paystream.payout.paid")
                .append("at", new java.util.Date(System.currentTimeMillis() - 60_000))
                .append("event", "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}");
        harness.database()
                .getCollection("payouts")
                .insertOne(new Document("_id", id)
                        .append("account", "platform")
                        .append("livemode", false)
                        .append("version", 1L)
                        .append("outbox", List.of(entry)));
        try (TopicReader feed = harness.feed()) {
            harness.stopWorker(second); // its partitions move to the first instance
            assertThat(WorkerHarness.awaitIds(feed, Set.of(eventId))).contains(eventId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutbox(id) == 0);
    }

    private static OutboxSweeper sweeper(ConfigurableApplicationContext context) {
        return context.getBean(OutboxSweeper.class);
    }

    @Test
    void twoInstancesInOneGroupGiveTheSameStateAsOne() {
        String runId = "two" + UUID.randomUUID().toString().substring(0, 8);
        List<FixtureEvent> events = WorkerHarness.allLifecycles(runId);
        WorkerHarness.Reference expected = WorkerHarness.reference(events, runId);
        ConfigurableApplicationContext second = harness.startWorker();
        try (TopicReader feed = harness.feed()) {
            harness.sendAll(events);
            harness.sendAll(events);
            harness.awaitState(expected, runId);
            WorkerHarness.awaitIds(feed, expected.domainEventIds());
        } finally {
            harness.stopWorker(second); // a rebalance back to one instance
        }
    }

    @Test
    void poisonIsDeadLetteredWithReasonAndHeadersAndReplayPutsItBackAfterTheFix() {
        String runId = "dlt" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "cus_" + runId;
        byte[] testMode = event("evt_" + runId + "_1", "customer.created", false, customer);
        byte[] liveMode = event("evt_" + runId + "_2", "customer.updated", true, customer);
        harness.send(StripeRecords.of("evt_" + runId + "_1", "customer.created", customer, false, testMode));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedCustomer(customer) != null);

        // A live event for an object stored as test data is impossible: dead-lettered, not applied.
        double poisonBefore = counter(WorkerMetrics.DELIVERY_FAILURES, "failure", "poison");
        harness.send(StripeRecords.of("evt_" + runId + "_2", "customer.updated", customer, true, liveMode));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("evt_" + runId + "_2");
        assertThat(counter(WorkerMetrics.DELIVERY_FAILURES, "failure", "poison"))
                .as("counted as it failed, before it was dead-lettered")
                .isGreaterThan(poisonBefore);
        assertThat(dead.key()).isEqualTo(customer);
        assertThat(dead.value()).isEqualTo(liveMode);
        assertThat(TopicReader.header(dead, "paystream-dlt-reason"))
                .startsWith("poison: ")
                .contains("livemode");
        assertThat(TopicReader.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(TopicReader.header(dead, StripeEventHeaders.EVENT_TYPE)).isEqualTo("customer.updated");
        assertThat(TopicReader.header(dead, StripeEventHeaders.TENANT)).isEqualTo("tenant_test");
        assertThat(counter("paystream.worker.dead_letters")).isPositive();

        // The fix: the test-mode object was wrongly stored; remove it, then replay.
        harness.database().getCollection("customers").deleteOne(new Document("_id", customer));
        HttpResponse<String> response =
                http(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/dead-letters/replay"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches(".*\"replayed\":[1-9].*");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document stored = storedCustomer(customer);
            return stored != null && Boolean.TRUE.equals(stored.getBoolean("livemode"));
        });
    }

    @Test
    void unparseableAndHeaderlessRecordsAreDeadLetteredAndUnknownTypesAcknowledged() {
        String runId = "unk" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt_" + runId;
        harness.send(StripeRecords.of(
                eventId, "charge.succeeded", "ch_" + runId, false, "{not json".getBytes(StandardCharsets.UTF_8)));
        assertThat(TopicReader.header(awaitDeadLetter(eventId), "paystream-dlt-reason"))
                .contains("not valid JSON");

        ProducerRecord<String, byte[]> noHeaders = new ProducerRecord<>(
                Topics.STRIPE_EVENTS,
                "k_" + runId,
                event(eventId + "_nh", "customer.created", false, "cus_nh_" + runId));
        harness.send(noHeaders);
        deadLetters.awaitRecord(TopicReader.hasKey("k_" + runId));

        double ignoredBefore = counter("paystream.worker.events", "outcome", "ignored");
        String unknownKey = "thing_" + runId;
        byte[] unknown = ("{\"id\":\"evt_" + runId + "_u\",\"object\":\"event\",\"type\":\"climate.order.created\","
                        + "\"created\":1794900000,\"livemode\":false,\"data\":{\"object\":{\"id\":\"" + unknownKey
                        + "\",\"object\":\"climate.order\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        harness.send(StripeRecords.of("evt_" + runId + "_u", "climate.order.created", unknownKey, false, unknown));
        // Same key, so same partition and after the unknown event: applied only if the unknown one was acknowledged.
        String customer = "cus_after_" + runId;
        harness.send(StripeRecords.of(
                "evt_" + runId + "_after",
                "customer.created",
                unknownKey,
                false,
                event("evt_" + runId + "_after", "customer.created", false, customer)));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedCustomer(customer) != null);
        assertThat(counter("paystream.worker.events", "outcome", "ignored")).isGreaterThan(ignoredBefore);
        assertThat(deadLetters.caughtUp().stream().noneMatch(r -> unknownKey.equals(r.key())))
                .isTrue();
    }

    @Test
    void anAppliedEventRecordsItsDelayFromIngestReceipt() {
        String runId = "lat" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "cus_" + runId;
        Timer latencies = pipelineLatencies();
        long countBefore = latencies.count();
        double secondsBefore = latencies.totalTime(TimeUnit.SECONDS);
        Instant sentAt = Instant.now();
        ProducerRecord<String, byte[]> record = StripeRecords.of(
                "evt_" + runId,
                "customer.created",
                customer,
                false,
                event("evt_" + runId, "customer.created", false, customer));
        // received by the ingest an hour ago (say, the worker was down); created days before that
        record.headers().remove(StripeEventHeaders.RECEIVED_AT);
        record.headers()
                .add(
                        StripeEventHeaders.RECEIVED_AT,
                        sentAt.minus(Duration.ofHours(1)).toString().getBytes(UTF_8));

        harness.send(record);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedCustomer(customer) != null);

        await().atMost(Duration.ofSeconds(30)).until(() -> latencies.count() > countBefore);
        double recorded = latencies.totalTime(TimeUnit.SECONDS) - secondsBefore;
        double waited = Duration.between(sentAt, Instant.now()).toMillis() / 1000.0;
        assertThat(recorded)
                .as("an hour since receipt, not the days since the event's created time")
                .isBetween(3600.0, 3600.0 + (latencies.count() - countBefore) * (3600.0 + waited));
    }

    private static Timer pipelineLatencies() {
        return worker.getBean(MeterRegistry.class)
                .get(WorkerMetrics.PIPELINE_LATENCY)
                .timer();
    }

    @Test
    void metricsAndHealthAreExposed() {
        assertThat(http(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")))
                        .statusCode())
                .isEqualTo(200);
        String prometheus = http(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")))
                .body();
        assertThat(prometheus)
                .contains("paystream_worker_outbox_backlog")
                // the 200 ms end-to-end objective is a bucket of its own
                .containsPattern("paystream_worker_pipeline_latency_seconds_bucket\\{[^}]*le=\"0\\.2\"")
                .contains("paystream_worker_processing_seconds")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }

    private static byte[] event(String id, String type, boolean livemode, String customer) {
        return ("{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":1794900000,"
                        + "\"livemode\":" + livemode + ",\"data\":{\"object\":{\"id\":\"" + customer
                        + "\",\"object\":\"customer\",\"email\":\"ada@example.com\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long pendingOutbox(String runId) {
        long pending = 0;
        for (String name : harness.database().listCollectionNames()) {
            for (Document document : harness.database().getCollection(name).find()) {
                if (String.valueOf(document.get("_id")).contains(runId)) {
                    pending += document.getList("outbox", Document.class, List.of())
                            .size();
                }
            }
        }
        return pending;
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port");
    }

    private static double counter(String name, String... tags) {
        MeterRegistry registry = worker.getBean(MeterRegistry.class);
        return registry.find(name).tags(tags).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String eventId) {
        return deadLetters.awaitRecord(TopicReader.hasHeader(StripeEventHeaders.EVENT_ID, eventId));
    }

    private static Document storedCustomer(String id) {
        return harness.database()
                .getCollection("customers")
                .find(new Document("_id", id))
                .first();
    }
}
