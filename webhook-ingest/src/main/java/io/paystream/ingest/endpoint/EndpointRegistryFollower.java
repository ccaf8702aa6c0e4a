package io.paystream.ingest.endpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the registry topic from the beginning and then follows it, on its own thread, with a plain consumer: every
 * partition assigned, no consumer group, no committed offsets, because every ingest instance needs every registration
 * and starts from scratch each time.
 *
 * <p>Starts before the web server and holds it back until the topic has been read up to the end offsets it had at
 * start, so a restarted ingest does not answer 404 for endpoints it knew, but at most {@code startup-timeout}: with
 * Kafka down the ingest still serves its configured endpoints, and this keeps trying in the background while
 * readiness reports it.
 */
final class EndpointRegistryFollower implements SmartLifecycle {

    /** Before the web server starts, and stopped after it has drained. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

    private static final Logger log = LoggerFactory.getLogger(EndpointRegistryFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    private final EndpointRegistryTopic topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RegistrationApplier applier;
    private final EndpointRegistryProperties properties;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Consumer<String, byte[]> consumer;

    EndpointRegistryFollower(
            EndpointRegistryTopic topic,
            Supplier<Consumer<String, byte[]>> consumers,
            RegistrationApplier applier,
            EndpointRegistryProperties properties) {
        this.topic = topic;
        this.consumers = consumers;
        this.applier = applier;
        this.properties = properties;
    }

    /** Whether the topic has been read to the end offsets it had when the follower started. */
    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        Thread follower = new Thread(this::follow, "endpoint-registry");
        follower.setDaemon(true);
        thread = follower;
        follower.start();
        try {
            if (caughtUp.await(properties.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("Read {} to its end: {} runtime webhook endpoints", topic.name(), applier.runtimeEndpoints());
            } else {
                log.warn(
                        "{} was not read to its end within {}: serving configured endpoints and the {} registered so"
                                + " far, still trying (readiness reports endpointRegistry down until then)",
                        topic.name(),
                        properties.startupTimeout(),
                        applier.runtimeEndpoints());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread follower = thread;
        if (follower != null) {
            try {
                follower.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void follow() {
        try (Consumer<String, byte[]> kafka = consumers.get()) {
            consumer = kafka;
            if (running) {
                new Reading(kafka).run();
            }
        } catch (RuntimeException e) {
            log.error("The webhook endpoint registry follower stopped: runtime endpoints no longer change", e);
        }
    }

    /** The follower thread's state; only that thread touches the consumer (wakeup() aside). */
    private final class Reading {

        private final Consumer<String, byte[]> kafka;
        private boolean topicChecked;
        private @Nullable Map<TopicPartition, Long> endOffsetsAtStart;
        private boolean failing;

        Reading(Consumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        void run() {
            while (running) {
                try {
                    step();
                    if (failing) {
                        failing = false;
                        log.info("Reading {} again", topic.name());
                    }
                } catch (WakeupException e) {
                    // stop() woke the consumer; the loop condition ends it
                } catch (KafkaException e) {
                    failed(e);
                    backOff();
                }
            }
        }

        private void step() {
            if (kafka.assignment().isEmpty()) {
                if (!topicChecked) {
                    try {
                        topic.ensureCompacted();
                    } catch (KafkaException e) {
                        // maybe only the permission to create is missing: an operator may have created it, so read on
                        log.debug("Could not make sure {} exists", topic.name(), e);
                    }
                    topicChecked = true;
                }
                List<TopicPartition> partitions = partitions();
                if (partitions.isEmpty()) {
                    topicChecked = false;
                    throw new KafkaException("topic " + topic.name() + " does not exist yet");
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
            }
            if (!isCaughtUp() && endOffsetsAtStart == null) {
                endOffsetsAtStart = kafka.endOffsets(kafka.assignment(), METADATA_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                applier.apply(record.key(), record.value());
            }
            if (!isCaughtUp() && reachedEndOffsetsAtStart()) {
                caughtUp.countDown();
            }
        }

        private List<TopicPartition> partitions() {
            List<PartitionInfo> infos = kafka.partitionsFor(topic.name(), METADATA_TIMEOUT);
            return infos == null
                    ? List.of()
                    : infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
        }

        private boolean reachedEndOffsetsAtStart() {
            Set<TopicPartition> assigned = kafka.assignment();
            for (Map.Entry<TopicPartition, Long> end : endOffsetsAtStart.entrySet()) {
                if (assigned.contains(end.getKey())
                        && kafka.position(end.getKey(), METADATA_TIMEOUT) < end.getValue()) {
                    return false;
                }
            }
            return true;
        }

        private void failed(KafkaException e) {
            if (!failing) {
                failing = true;
                log.warn(
                        "Cannot read {} ({}): retrying every {}",
                        topic.name(),
                        e.getMessage(),
                        properties.retryBackoff());
            } else {
                log.debug("Still cannot read {}", topic.name(), e);
            }
        }

        private void backOff() {
            try {
                stopped.await(properties.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Consumer settings for reading the whole registry: no group, nothing committed, never auto-creating it. */
    static Map<String, Object> consumerConfig(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "webhook-ingest-endpoint-registry");
        return config;
    }
}
