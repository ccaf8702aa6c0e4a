package io.paystream.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.paystream.events.Topics;
import io.paystream.support.outbox.OutboxCollection;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.kafka.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The sweeper (service-support's, over the worker's collections) against the worker's stored entries: a pass that
 * cannot publish stays due and leaves them, and what earlier versions of the worker left in an outbox is still
 * published as it always was. When passes run (only while one is due, until one whose cutoff reaches the moment it
 * was asked for has succeeded) is the sweeper's own contract, tested once in service-support's
 * {@code OutboxSweeperTest}. A real broker and MongoDB (embedded here, containers where Docker
 * exists); the clock is moved by hand.
 */
abstract class OutboxSweeperContract {

    private static final Duration MIN_AGE = Duration.ofSeconds(2);

    private final MovedClock clock = new MovedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<DefaultKafkaProducerFactory<String, byte[]>> producers = new java.util.ArrayList<>();
    private MongoDatabase database;

    protected abstract String bootstrapServers();

    protected abstract MongoClient mongoClient();

    @BeforeEach
    void freshDatabaseAndTopic() throws Exception {
        database = mongoClient()
                .getDatabase("sweeper_" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(Topics.PAYMENTS_EVENTS)) {
                admin.createTopics(List.of(new NewTopic(Topics.PAYMENTS_EVENTS, 1, (short) 1)))
                        .all()
                        .get();
            }
        }
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void aPassThatCannotPublishStaysDueAndLeavesTheEntries() {
        OutboxSweeper sweeper = sweeper(relayTo("127.0.0.1:" + FreePorts.next())); // no broker there
        leaveEntry("po_3", clock.instant().minusSeconds(60));
        clock.advance(MIN_AGE);

        assertThat(sweeper.sweepIfNeeded()).isZero();
        assertThat(sweeper.isSweepDue()).isTrue();
        assertThat(pending("po_3")).isEqualTo(1);
    }

    @Test
    void anEntryInTheShapeEarlierVersionsStoredIsPublishedToTheFeedKeyedByItsDocument() {
        String id = "po_" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = leaveEntry(id, clock.instant().minusSeconds(60)); // {id, type, at, event}: no topic, no key
        OutboxSweeper sweeper = sweeper(relayTo(bootstrapServers()));

        try (TopicReader feed = TopicReader.fromBeginning(bootstrapServers(), Topics.PAYMENTS_EVENTS)) {
            assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);

            ConsumerRecord<String, byte[]> published = feed.awaitRecord(TopicReader.hasHeader("ce_id", eventId));
            assertThat(published.key()).isEqualTo(id);
            assertThat(TopicReader.header(published, "ce_type")).isEqualTo("io.paystream.payout.paid");
            assertThat(TopicReader.header(published, "content-type"))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(TopicReader.text(published)).isEqualTo(cloudEvent(eventId));
        }
        assertThat(pending(id)).isZero();
    }

    private OutboxSweeper sweeper(OutboxRelay relay) {
        return new OutboxSweeper(
                database,
                List.of(new OutboxCollection("payouts", Topics.PAYMENTS_EVENTS)),
                relay,
                backlog -> {},
                clock,
                MIN_AGE,
                100);
    }

    private OutboxRelay relayTo(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> producer = new DefaultKafkaProducerFactory<>(config);
        producers.add(producer);
        return new OutboxRelay(new KafkaTemplate<>(producer), database, Duration.ofSeconds(2));
    }

    /** An entry as the worker stored them before service-support: {@code {id, type, at, event}}; returns its id. */
    private String leaveEntry(String id, Instant at) {
        String eventId = UUID.randomUUID().toString();
        Document entry = new Document("id", eventId)
                .append("type", "io.paystream.payout.paid")
                .append("at", Date.from(at))
                .append("event", cloudEvent(eventId));
        database.getCollection("payouts").insertOne(new Document("_id", id).append("outbox", List.of(entry)));
        return eventId;
    }

    private static String cloudEvent(String eventId) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}";
    }

    private int pending(String id) {
        Document document =
                database.getCollection("payouts").find(new Document("_id", id)).first();
        return document.getList("outbox", Document.class, List.of()).size();
    }

    /** Where the test moves time by hand; every sweeper built here reads it. */
    private static final class MovedClock extends Clock {

        private final Instant start;
        private Duration moved = Duration.ZERO;

        MovedClock(Instant start) {
            this.start = start;
        }

        void advance(Duration duration) {
            moved = moved.plus(duration);
        }

        @Override
        public Instant instant() {
            return start.plus(moved);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
