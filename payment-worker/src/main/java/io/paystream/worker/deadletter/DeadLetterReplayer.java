package io.paystream.worker.deadletter;

import io.paystream.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Puts dead-lettered events back on {@code stripe.events} after a fix: every record from the replay group's committed
 * position up to the topic's end at the time of the call, with its original key, value and headers (the dead-letter
 * diagnostics removed). The replay group's offsets advance only after Kafka acknowledged the re-published records, so
 * an interrupted replay repeats rather than loses records; the worker's de-duplication absorbs the repeats.
 */
public class DeadLetterReplayer {

    private static final String DIAGNOSTIC_PREFIX = KafkaHeaders.PREFIX + "dlt-";
    private static final String REASON_PREFIX = "paystream-dlt-";

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String replayGroup;
    private final Duration pollTimeout;

    public DeadLetterReplayer(
            ConsumerFactory<String, byte[]> consumers,
            KafkaTemplate<String, byte[]> kafka,
            String replayGroup,
            Duration pollTimeout) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.replayGroup = replayGroup;
        this.pollTimeout = pollTimeout;
    }

    /** How many records were re-published. */
    public record ReplayReport(int replayed) {}

    public synchronized ReplayReport replayAll() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(replayGroup, "dlt-replay", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.STRIPE_EVENTS_DEAD_LETTER)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            if (partitions.isEmpty()) {
                return new ReplayReport(0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<CompletableFuture<?>> sends = new ArrayList<>();
            int emptyPolls = 0;
            while (!reached(consumer, end) && emptyPolls < 5) {
                var records = consumer.poll(pollTimeout);
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        sends.add(kafka.send(original(record)));
                    }
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            for (TopicPartition partition : partitions) {
                commit.put(
                        partition, new OffsetAndMetadata(Math.min(consumer.position(partition), end.get(partition))));
            }
            consumer.commitSync(commit);
            return new ReplayReport(sends.size());
        }
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static ProducerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> replay =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DIAGNOSTIC_PREFIX) && !header.key().startsWith(REASON_PREFIX)) {
                replay.headers().add(header);
            }
        }
        return replay;
    }
}
