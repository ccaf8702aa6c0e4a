package io.paystream.support.outbox;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (spring-kafka-test's embedded KRaft broker) and the embedded MongoDB wire server, started as
 * payment-worker's outbox tests start them; a fresh database and fresh topics per test, so tests never see each
 * other's records.
 */
abstract class RealKafkaAndMongo {

    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedKafkaKraftBroker broker;
    private static EmbeddedMongoServer mongoServer;
    private static MongoClient client;

    private final List<DefaultKafkaProducerFactory<String, byte[]>> producers = new ArrayList<>();
    protected MongoDatabase database;

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        mongoServer = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(mongoServer.connectionString("paystream"));
    }

    @AfterAll
    static void stopInfrastructure() {
        client.close();
        mongoServer.shutdownNow();
        broker.destroy();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("outbox_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    /** A new topic of one partition, named after {@code name}. */
    static String newTopic(String name) throws Exception {
        String topic = name + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    static String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** A relay through an idempotent acks=all producer, as the services configure theirs. */
    OutboxRelay relay() {
        return new OutboxRelay(template(bootstrapServers()), database, PUBLISH_TIMEOUT);
    }

    OutboxRelay relay(OutboxRelay.BeforePublishing beforePublishing) {
        return new OutboxRelay(template(bootstrapServers()), database, PUBLISH_TIMEOUT, beforePublishing);
    }

    /** A relay whose broker is gone: nothing listens at its address. */
    OutboxRelay relayWithoutBroker() {
        return new OutboxRelay(template("127.0.0.1:" + FreePorts.next()), database, Duration.ofSeconds(2));
    }

    private KafkaTemplate<String, byte[]> template(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> producer = new DefaultKafkaProducerFactory<>(config);
        producers.add(producer);
        return new KafkaTemplate<>(producer);
    }

    /** Every record of {@code topic} once there are at least {@code count}; generous, the machine may be busy. */
    static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            return records;
        }
    }

    /** How many records {@code topic} holds. */
    static long recordCount(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static @Nullable String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    /** The ids of the entries left in a document's outbox. */
    List<String> outboxIds(String collection, String documentId) {
        Document document = database.getCollection(collection)
                .find(new Document("_id", documentId))
                .first();
        return document == null
                ? List.of()
                : document.getList(OutboxDocuments.FIELD, Document.class, List.of()).stream()
                        .map(entry -> entry.getString(OutboxDocuments.ID))
                        .toList();
    }

    /** A document as a writer leaves it: its state and its outbox, in one insert. */
    void store(String collection, String documentId, List<Document> outbox) {
        database.getCollection(collection)
                .insertOne(new Document("_id", documentId).append("state", "x").append(OutboxDocuments.FIELD, outbox));
    }
}
