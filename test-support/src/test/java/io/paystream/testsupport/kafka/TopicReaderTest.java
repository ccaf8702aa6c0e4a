package io.paystream.testsupport.kafka;

import static io.paystream.testsupport.kafka.TopicReader.hasHeader;
import static io.paystream.testsupport.kafka.TopicReader.hasKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicReaderTest {

    private static final TestKafka KAFKA = TestKafka.shared();
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void readsEveryRecordFromTheFirstWhetherWrittenBeforeOrAfterItOpened() throws Exception {
        String topic = newTopic(1);
        send(topic, "pi_1", "before", "evt_1");

        try (TopicReader reader = TopicReader.fromBeginning(KAFKA.bootstrapServers(), topic)) {
            send(topic, "pi_2", "after", "evt_2");

            var records = reader.awaitRecords(2);

            assertThat(records).extracting(ConsumerRecord::key).containsExactly("pi_1", "pi_2");
            assertThat(records).extracting(TopicReader::text).containsExactly("before", "after");
            assertThat(TopicReader.headers(records.get(1))).containsEntry("event-id", "evt_2");
            assertThat(TopicReader.header(records.get(0), "event-id")).isEqualTo("evt_1");
            assertThat(TopicReader.header(records.get(0), "absent")).isNull();
            assertThat(reader.awaitRecord(hasHeader("event-id", "evt_2")).key()).isEqualTo("pi_2");
            assertThat(reader.records(hasKey("pi_1"))).hasSize(1);
        }
    }

    @Test
    void caughtUpHoldsEverythingOnTheTopicAtTheCallAcrossPartitions() throws Exception {
        String topic = newTopic(3);
        String empty = newTopic(1);
        for (int i = 0; i < 30; i++) {
            send(topic, "key-" + i, "value-" + i, "evt_" + i);
        }

        try (TopicReader reader = TopicReader.fromBeginning(KAFKA.bootstrapServers(), topic);
                TopicReader nothing = TopicReader.fromBeginning(KAFKA.bootstrapServers(), empty)) {
            assertThat(reader.caughtUp()).hasSize(30);
            assertThat(nothing.caughtUp()).isEmpty();
        }
    }

    @Test
    void waitsForATopicThatDoesNotExistYetWithoutCreatingIt() throws Exception {
        String topic = "late-" + UUID.randomUUID();

        try (TopicReader reader = TopicReader.fromBeginning(KAFKA.bootstrapServers(), topic)) {
            assertThat(reader.caughtUp()).isEmpty();
            assertThatThrownBy(() -> reader.awaitTimeout(Duration.ofSeconds(1)).awaitRecords(1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("on topic " + topic)
                    .hasMessageContaining("read 0 record(s)");
            try (Admin admin = admin()) {
                assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS))
                        .as("a reader never creates the topic")
                        .doesNotContain(topic);
            }

            send(topic, "late", "arrived", "evt_late");

            assertThat(TopicReader.text(
                            reader.awaitTimeout(TopicReader.DEFAULT_TIMEOUT).awaitRecord(hasKey("late"))))
                    .isEqualTo("arrived");
        }
    }

    @Test
    void seesCommittedRecordsOnlyAsTheServicesConsumersDo() throws Exception {
        String topic = newTopic(1);
        try (KafkaProducer<String, byte[]> transactional = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "reader-test-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic, "aborted", bytes("never seen")));
            transactional.abortTransaction();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic, "committed", bytes("seen")));
            transactional.commitTransaction();
        }

        try (TopicReader reader = TopicReader.fromBeginning(KAFKA.bootstrapServers(), topic)) {
            assertThat(reader.caughtUp()).extracting(ConsumerRecord::key).containsExactly("committed");
        }
    }

    @Test
    void joinsNoConsumerGroup() throws Exception {
        String topic = newTopic(1);
        send(topic, "k", "v", "evt_group");
        Set<String> groupsBefore = groups();

        try (TopicReader reader = TopicReader.fromBeginning(KAFKA.bootstrapServers(), topic)) {
            reader.awaitRecords(1);
            assertThat(groups()).isEqualTo(groupsBefore);
        }
    }

    private static String newTopic(int partitions) {
        String topic = "reader-" + UUID.randomUUID();
        KAFKA.createTopics(partitions, topic);
        return topic;
    }

    private static void send(String topic, String key, String value, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes(value));
        record.headers().add("event-id", bytes(eventId));
        producer.send(record).get(60, TimeUnit.SECONDS);
    }

    private static Set<String> groups() throws Exception {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get(60, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .collect(Collectors.toSet());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
