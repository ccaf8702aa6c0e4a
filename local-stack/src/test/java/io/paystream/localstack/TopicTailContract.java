package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What {@code tail} must do against any real broker; subclasses say which broker. */
abstract class TopicTailContract {

    abstract String bootstrapServers();

    @Test
    void fromTheBeginningShowsKeysHeadersAndStopsAfterMax() throws Exception {
        String topic = "tail-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            produce(topic, "pi_1", "{\"n\":" + i + "}");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        long shown;
        try (TopicTail tail = new TopicTail(bootstrapServers(), topic, true);
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            shown = TailCommand.tail(
                    tail,
                    new TailCommand.Options(topic, bootstrapServers(), true, 2, Duration.ofSeconds(60)),
                    out,
                    out);
        }

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(shown).isEqualTo(2);
        assertThat(text).contains("@0  key=pi_1", "@1  key=pi_1").doesNotContain("@2 ");
        assertThat(text).contains("headers: stripe-event-type=test.event").contains("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void fromNowSkipsWhatWasAlreadyThere() throws Exception {
        String topic = "tail-" + UUID.randomUUID();
        produce(topic, "old", "before");
        try (TopicTail tail = new TopicTail(bootstrapServers(), topic, false)) {
            assertThat(tail.assign(Duration.ofSeconds(30))).isTrue();
            produce(topic, "new", "after");

            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.addAll(tail.poll(Duration.ofMillis(500)));
                return !seen.isEmpty();
            });
            assertThat(seen)
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("new");
        }
    }

    @Test
    void waitsForATopicThatDoesNotExistYet() throws Exception {
        String topic = "tail-" + UUID.randomUUID();
        try (TopicTail tail = new TopicTail(bootstrapServers(), topic, true)) {
            assertThat(tail.poll(Duration.ofSeconds(2))).isEmpty();
            assertThat(tail.assigned()).isFalse();

            produce(topic, "late", "arrived");

            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.addAll(tail.poll(Duration.ofMillis(500)));
                return !seen.isEmpty();
            });
            assertThat(seen)
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("arrived");
        }
    }

    private void produce(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("stripe-event-type", "test.event".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
