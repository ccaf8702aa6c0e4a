package io.paystream.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.events.Topics;
import io.paystream.testsupport.FreePorts;
import io.paystream.worker.metrics.WorkerMetrics;
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
 * When the sweeper runs passes: only while one is due, until a pass whose cutoff reaches the moment it was asked for
 * has succeeded. A real broker and MongoDB (embedded here, containers where Docker exists); the clock is moved by hand.
 */
abstract class OutboxSweeperContract {

    private static final Duration MIN_AGE = Duration.ofSeconds(2);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
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
    void aStartIsCoveredOnceAPassHasReachedItsMomentAndThenNoPassRunsUntilOneIsAskedFor() {
        OutboxSweeper sweeper = sweeper(relayTo(bootstrapServers()));
        leaveEntry("po_1", clock.instant().minusSeconds(60));
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

        leaveEntry("po_2", clock.instant().minusSeconds(60));
        assertThat(sweeper.sweepIfNeeded()).as("nothing asked for a pass").isZero();
        assertThat(pending("po_2")).isEqualTo(1);

        sweeper.sweepNeeded(); // a failed relay or an assignment
        clock.advance(MIN_AGE);
        assertThat(sweeper.sweepIfNeeded()).isEqualTo(1);
        assertThat(pending("po_2")).isZero();
        assertThat(sweeper.isSweepDue()).isFalse();
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

    private OutboxSweeper sweeper(OutboxRelay relay) {
        return new OutboxSweeper(
                database, List.of("payouts"), relay, new WorkerMetrics(new SimpleMeterRegistry()), clock, MIN_AGE, 100);
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

    private void leaveEntry(String id, Instant at) {
        String eventId = UUID.randomUUID().toString();
        Document entry = new Document("id", eventId)
                .append("type", "io.paystream.payout.paid")
                .append("at", Date.from(at))
                .append("event", "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}");
        database.getCollection("payouts").insertOne(new Document("_id", id).append("outbox", List.of(entry)));
    }

    private int pending(String id) {
        Document document =
                database.getCollection("payouts").find(new Document("_id", id)).first();
        return document.getList("outbox", Document.class, List.of()).size();
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
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
