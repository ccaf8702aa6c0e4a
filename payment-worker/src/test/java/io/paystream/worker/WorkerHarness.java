package io.paystream.worker;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the worker (as Spring contexts in this JVM) against a given Kafka and MongoDB, feeds it records and reads back
 * its state and its domain-event feed. Shared by the embedded and the Testcontainers end-to-end tests.
 */
public final class WorkerHarness implements AutoCloseable {

    private final String bootstrapServers;
    private final String mongoUri;
    private final MongoClient mongo;
    private final KafkaProducer<String, byte[]> producer;
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

    public WorkerHarness(String bootstrapServers, String mongoUri) {
        this.bootstrapServers = bootstrapServers;
        this.mongoUri = mongoUri;
        this.mongo = MongoClients.create(mongoUri);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    /** Starts one more worker instance in the consumer group. */
    public ConfigurableApplicationContext startWorker() {
        return startWorker(new String[0]);
    }

    /**
     * Starts one more worker instance; each of {@code overrides} ({@code --name=value}) replaces the default of that
     * name.
     */
    public ConfigurableApplicationContext startWorker(String... overrides) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.kafka.consumer.properties.metadata.max.age.ms=1000",
                "--paystream.worker.outbox.min-age=1s",
                // Leftovers are published only by the passes a start, an assignment or a failure asks for, the
                // behaviour under test, not by the periodic safety net.
                "--paystream.worker.outbox.full-sweep-interval=1h",
                "--paystream.worker.retry.initial-interval=100ms",
                "--spring.jmx.enabled=false")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : overrides) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentWorkerApplication.class)
                .run(args.values().toArray(String[]::new));
        workers.add(context);
        return context;
    }

    public void stopWorker(ConfigurableApplicationContext context) {
        context.close();
        workers.remove(context);
    }

    public MongoDatabase database() {
        return mongo.getDatabase(new com.mongodb.ConnectionString(mongoUri).getDatabase());
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendAll(List<FixtureEvent> events) {
        events.forEach(event -> producer.send(StripeRecords.of(event)));
        producer.flush();
    }

    /** Every lifecycle fixture with ids made unique by {@code runId}, in creation order per lifecycle. */
    public static List<FixtureEvent> allLifecycles(String runId) {
        List<FixtureEvent> events = new ArrayList<>();
        StripeFixtures.lifecycleNames().forEach(name -> events.addAll(StripeFixtures.lifecycle(name, runId)));
        return events;
    }

    /** The state and domain event ids the engine alone produces for {@code events} in order. */
    public static Reference reference(List<FixtureEvent> events, String runId) {
        try (EngineRun run = new EngineRun()) {
            events.forEach(event -> run.apply(event.body()));
            return new Reference(
                    EngineRun.state(run.database, id -> id.contains(runId)),
                    run.domainEventIds(),
                    versions(run.database, runId));
        }
    }

    /**
     * What the engine alone produced.
     *
     * @param state the normalised documents
     * @param domainEventIds every domain event id written to an outbox
     * @param versions collection/id to version: one increment per applied event, so equal versions mean no event was
     *     applied twice
     */
    public record Reference(
            Map<String, Map<Object, Document>> state, Set<String> domainEventIds, Map<String, Long> versions) {}

    public static Map<String, Long> versions(MongoDatabase database, String runId) {
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                String id = String.valueOf(document.get("_id"));
                if (id.contains(runId)) {
                    versions.put(name + "/" + id, document.getLong("version"));
                }
            }
        }
        return versions;
    }

    public void awaitState(Reference expected, String runId) {
        awaitState(expected, runId, Duration.ofSeconds(60));
    }

    public void awaitState(Reference expected, String runId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> EngineRun.state(
                        database(), id -> id.contains(runId))
                .equals(expected.state()));
    }

    /** A reader of the domain-event feed from the beginning, in its own consumer group. */
    public FeedReader feed() {
        return new FeedReader(bootstrapServers);
    }

    /** A consumer of {@code topic} from its first record, in a group of its own so it sees every record. */
    public static KafkaConsumer<String, byte[]> fromStart(String bootstrapServers, String topic, String groupPrefix) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupPrefix + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    public static final class FeedReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Set<String> ids = new HashSet<>();
        private int records;

        FeedReader(String bootstrapServers) {
            consumer = fromStart(bootstrapServers, Topics.PAYMENTS_EVENTS, "feed-");
        }

        /** Polls until every id in {@code expected} was seen (duplicates allowed); returns all ids seen. */
        public Set<String> awaitIds(Set<String> expected) {
            return awaitIds(expected, Duration.ofSeconds(90));
        }

        /** Polls for at most {@code timeout} until every id in {@code expected} was seen; returns all ids seen. */
        public Set<String> awaitIds(Set<String> expected, Duration timeout) {
            await().atMost(timeout).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    var header = record.headers().lastHeader("ce_id");
                    ids.add(new String(header.value(), StandardCharsets.UTF_8));
                }
                return ids.containsAll(expected);
            });
            return ids;
        }

        public int records() {
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(workers).forEach(this::stopWorker);
        producer.close();
        mongo.close();
    }
}
