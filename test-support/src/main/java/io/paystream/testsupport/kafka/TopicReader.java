package io.paystream.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Reads every record of one topic from its first offset, in the background from the moment it is opened, and keeps
 * them all, so that a test can ask at any time what is on the topic so far or wait for what it expects. It reads the
 * partitions directly, without a consumer group: it commits nothing, joins nothing, so it never disturbs the consumers
 * under test, and can be opened before or after the records were written.
 *
 * <p>It sees what a consumer of the services sees: committed records only ({@code read_committed}), keys as strings,
 * values as the bytes on the wire. It never creates the topic; one that does not exist yet is read once it does. Its
 * partitions are those of the topic when first found.
 *
 * <p>The {@code await...} methods wait up to {@link #DEFAULT_TIMEOUT} (see {@link #awaitTimeout}) and fail with an
 * {@link AssertionError} naming the topic. {@link #records()} never waits, so it also serves inside a test's own
 * Awaitility condition.
 */
public final class TopicReader implements AutoCloseable {

    /** Generous: the CI machine is busy, and a reader that waits too little fails tests that are right. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(100);

    /** A loaded machine can take seconds to answer a metadata request. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String topic;
    /** Used by the poller thread alone: a consumer is not thread-safe. */
    private final KafkaConsumer<String, byte[]> consumer;
    /** Guarded by itself. */
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    /** The next offset to read per partition, as the poller last saw it. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread poller;
    private volatile @Nullable RuntimeException failure;
    private volatile Duration timeout = DEFAULT_TIMEOUT;

    private TopicReader(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.consumer = newConsumer(bootstrapServers);
        this.poller = new Thread(this::readUntilClosed, "topic-reader-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts reading {@code topic} from its first record; close it when done. */
    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    /** How long the {@code await...} methods of this reader wait; returns this reader. */
    public TopicReader awaitTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public String topic() {
        return topic;
    }

    /** Every record read so far, in the order read (each partition's in offset order); never waits. */
    public List<ConsumerRecord<String, byte[]>> records() {
        rethrowFailure();
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The records read so far that match; never waits. */
    public List<ConsumerRecord<String, byte[]>> records(Predicate<? super ConsumerRecord<String, byte[]>> which) {
        return records().stream().filter(which).toList();
    }

    /** Waits for a matching record and returns the first one read. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<? super ConsumerRecord<String, byte[]>> which) {
        return awaitRecords(which, 1).get(0);
    }

    /** Waits until at least {@code count} records were read; returns all read by then. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count) {
        return awaitRecords(record -> true, count);
    }

    /** Waits until at least {@code count} matching records were read; returns all matching ones read by then. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(
            Predicate<? super ConsumerRecord<String, byte[]>> which, int count) {
        return await(count + " matching record(s)", () -> records(which), matching -> matching.size() >= count);
    }

    /** Waits until the records read so far satisfy {@code condition}; returns them. */
    public List<ConsumerRecord<String, byte[]>> awaitUntil(
            Predicate<? super List<ConsumerRecord<String, byte[]>>> condition) {
        return await("the records to satisfy the condition", this::records, condition);
    }

    /**
     * Every record that was on the topic when this was called (and maybe later ones): waits until the reader got up to
     * each partition's end as of the call. For assertions about a whole topic ("nothing was dead-lettered") without
     * guessing how long to wait for nothing. An absent topic has no records.
     */
    public List<ConsumerRecord<String, byte[]>> caughtUp() {
        Map<TopicPartition, Long> ends = endOffsets();
        await(
                "the end offsets " + ends,
                () -> ends.entrySet().stream()
                        .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue()),
                Boolean::booleanValue);
        return records();
    }

    /** Matches records with this key. */
    public static Predicate<ConsumerRecord<String, byte[]>> hasKey(String key) {
        return record -> key.equals(record.key());
    }

    /** Matches records whose last header {@code name} has this UTF-8 value. */
    public static Predicate<ConsumerRecord<String, byte[]>> hasHeader(String name, String value) {
        return record -> value.equals(header(record, name));
    }

    /** The last value of header {@code name} as UTF-8 text; null if the record has none. */
    public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record's headers as UTF-8 text, in order; a repeated header keeps its last value. */
    public static Map<String, @Nullable String> headers(ConsumerRecord<?, ?> record) {
        Map<String, @Nullable String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The value as UTF-8 text; null for a tombstone. */
    public static @Nullable String text(ConsumerRecord<?, byte[]> record) {
        byte @Nullable [] value = record.value();
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed.countDown();
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T await(String what, Callable<T> value, Predicate<? super T> done) {
        try {
            return Awaitility.await().atMost(timeout).pollInterval(POLL).until(value, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waited " + timeout + " for " + what + " on topic " + topic + "; read "
                            + records().size() + " record(s) from " + positions.size() + " partition(s)",
                    e);
        }
    }

    private void rethrowFailure() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("reading topic " + topic + " failed", failed);
        }
    }

    private void readUntilClosed() {
        try (consumer) {
            while (closed.getCount() > 0) {
                if (consumer.assignment().isEmpty() && !assignFromBeginning()) {
                    // not there yet: look again shortly, or stop at once when closed
                    closed.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                synchronized (records) {
                    polled.forEach(records::add);
                }
                notePositions();
            }
        } catch (WakeupException | InterruptedException closing) {
            // close() asked the poller to stop
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void notePositions() {
        for (TopicPartition partition : consumer.assignment()) {
            try {
                positions.put(partition, consumer.position(partition, METADATA_TIMEOUT));
            } catch (TimeoutException brokerNotAnswering) {
                // a seek not resolved while the broker is away: the next round notes it; the reader outlives outages
            }
        }
    }

    private boolean assignFromBeginning() {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.listTopics(METADATA_TIMEOUT).get(topic);
        } catch (TimeoutException brokerNotAnswering) {
            return false;
        }
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        return true;
    }

    /** Each partition's end for a read_committed consumer: the last stable offset. */
    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> probe = newConsumer(bootstrapServers)) {
            List<PartitionInfo> partitions = probe.listTopics(timeout).get(topic);
            if (partitions == null) {
                return Map.of();
            }
            return probe.endOffsets(
                    partitions.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList(),
                    timeout);
        }
    }

    private static KafkaConsumer<String, byte[]> newConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "topic-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
