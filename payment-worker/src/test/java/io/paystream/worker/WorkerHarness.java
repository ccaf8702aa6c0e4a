package io.paystream.worker;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the worker (as Spring contexts in this JVM) against a given Kafka and MongoDB, feeds it records and reads back
 * its state and its domain-event feed. Shared by the embedded and the Testcontainers end-to-end tests.
 */
public final class WorkerHarness implements AutoCloseable {

    /** Partitions of each worker topic on the shared broker: several, so instances of one group share the work. */
    public static final int PARTITIONS = 3;

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

    /**
     * The JVM's shared broker ({@link TestKafka#shared()}) with the worker's topics, each with {@value #PARTITIONS}
     * partitions. Every test class on the shared broker takes it from here: a topic's partition count is fixed by
     * whichever class creates it first, so they must all ask alike.
     */
    public static TestKafka sharedKafka() {
        return TestKafka.shared()
                .createTopics(
                        PARTITIONS,
                        Topics.STRIPE_EVENTS,
                        Topics.STRIPE_FETCHED,
                        Topics.PAYMENTS_EVENTS,
                        Topics.STRIPE_EVENTS_DEAD_LETTER);
    }

    /** A reader of the domain-event feed from its first record; its waits last up to 90 s. */
    public TopicReader feed() {
        return TopicReader.fromBeginning(bootstrapServers, Topics.PAYMENTS_EVENTS)
                .awaitTimeout(Duration.ofSeconds(90));
    }

    /** Waits until every id in {@code expected} was on the feed (duplicates allowed); returns all ids seen. */
    public static Set<String> awaitIds(TopicReader feed, Set<String> expected) {
        return ids(feed.awaitUntil(records -> ids(records).containsAll(expected)));
    }

    /** The CloudEvent ids ({@code ce_id}) of domain events read from the feed. */
    public static Set<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(TopicReader.header(record, "ce_id")));
        return ids;
    }

    @Override
    public void close() {
        new ArrayList<>(workers).forEach(this::stopWorker);
        producer.close();
        mongo.close();
    }
}
