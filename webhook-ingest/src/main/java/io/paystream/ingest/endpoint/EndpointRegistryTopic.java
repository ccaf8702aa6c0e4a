package io.paystream.ingest.endpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the registry topic exists and is compacted: compaction is what keeps "the latest registration per
 * endpoint" readable from the beginning forever. Partitions and replication come from the broker's defaults. An
 * existing topic is left alone (changing a topic's configuration is an operator's decision) but a non-compacted one
 * is reported, since it would lose registrations to retention.
 */
final class EndpointRegistryTopic {

    private static final Logger log = LoggerFactory.getLogger(EndpointRegistryTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final Map<String, Object> adminConfig;

    EndpointRegistryTopic(String topic, Map<String, Object> adminConfig) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.adminConfig = config;
    }

    String name() {
        return topic;
    }

    /**
     * Creates the topic compacted, or checks the existing one.
     *
     * @throws KafkaException when the broker could not be asked (down, no permission); the caller retries
     */
    void ensureCompacted() {
        try (Admin admin = Admin.create(adminConfig)) {
            NewTopic compacted = new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                await(admin.createTopics(List.of(compacted)).all());
                log.info("Created the compacted topic {}", topic);
            } catch (TopicExistsException alreadyThere) {
                warnUnlessCompacted(admin);
            }
        }
    }

    private void warnUnlessCompacted(Admin admin) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.warn(
                    "Topic {} has cleanup.policy={}, not compact: registrations older than the retention will be lost"
                            + " and their endpoints unknown after a restart. Set cleanup.policy=compact.",
                    topic,
                    policy == null ? "?" : policy.value());
        }
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("no answer from the broker within " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
