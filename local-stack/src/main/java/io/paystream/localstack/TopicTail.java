package io.paystream.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's partitions directly, without a consumer group: tailing never commits offsets, never joins a group
 * and so never disturbs the services' own consumers.
 */
final class TopicTail implements AutoCloseable {

    /** A loaded machine can take seconds to answer the first metadata request; less would look like "no topic". */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final boolean fromBeginning;
    private boolean assigned;

    TopicTail(String bootstrapServers, String topic, boolean fromBeginning) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "paystream-tail",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        this.topic = topic;
        this.fromBeginning = fromBeginning;
    }

    /**
     * Records that arrived within {@code timeout}; an empty list if none did, if the topic does not exist yet or if the
     * broker does not answer (yet).
     *
     * @throws WakeupException after {@link #wakeup()}
     */
    List<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        if (!assigned && !assign(timeout.compareTo(METADATA_TIMEOUT) > 0 ? timeout : METADATA_TIMEOUT)) {
            return List.of();
        }
        Duration left = Duration.between(Instant.now(), deadline);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        consumer.poll(left.isNegative() ? Duration.ZERO : left).forEach(records::add);
        return records;
    }

    boolean assigned() {
        return assigned;
    }

    /** Whether the broker answered a metadata request within {@code timeout}. */
    boolean reachable(Duration timeout) {
        try {
            consumer.listTopics(timeout);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Seeks to the start or the end now, so that records produced after this call are never skipped. */
    boolean assign(Duration timeout) {
        List<PartitionInfo> partitions;
        try {
            // listTopics, not partitionsFor: it answers "no such topic" instead of timing out like an unreachable
            // broker
            partitions = consumer.listTopics(timeout).get(topic);
        } catch (TimeoutException brokerNotAnswering) {
            return false;
        }
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(topicPartitions);
        if (fromBeginning) {
            consumer.seekToBeginning(topicPartitions);
        } else {
            consumer.seekToEnd(topicPartitions);
        }
        // seeks are lazy: resolve them now, not at the first poll
        topicPartitions.forEach(consumer::position);
        assigned = true;
        return true;
    }

    /** Safe from another thread: makes a blocked {@link #poll} throw {@link WakeupException}. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
