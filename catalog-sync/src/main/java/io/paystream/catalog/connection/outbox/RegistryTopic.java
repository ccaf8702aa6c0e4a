package io.paystream.catalog.connection.outbox;

import io.paystream.events.Topics;
import io.paystream.support.outbox.OutboxRelay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@link Topics#WEBHOOK_ENDPOINTS} compacted before the first registration is published, so the broker's
 * auto-creation never makes it a plain topic (whose retention would lose endpoints). webhook-ingest does the same at
 * its start. Done on first use rather than at start-up (a {@code NewTopic} bean): catalog-sync must start, and serve
 * the catalog, while Kafka is still coming up. A failure to create it is logged, not thrown: the publication goes ahead,
 * as it always did, and the next one tries again.
 */
class RegistryTopic implements OutboxRelay.BeforePublishing {

    private static final Logger log = LoggerFactory.getLogger(RegistryTopic.class);

    private final Map<String, Object> clientConfig;
    private volatile boolean exists;

    RegistryTopic(List<String> bootstrapServers) {
        this.clientConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public void prepare(Set<String> topics, Duration timeout) {
        if (topics.contains(Topics.WEBHOOK_ENDPOINTS)) {
            ensureExists(timeout);
        }
    }

    private void ensureExists(Duration timeout) {
        if (exists) {
            return;
        }
        NewTopic compacted = new NewTopic(Topics.WEBHOOK_ENDPOINTS, Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(clientConfig)) {
            admin.createTopics(List.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created the compacted topic {}", Topics.WEBHOOK_ENDPOINTS);
            exists = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                exists = true;
            } else {
                log.warn(
                        "could not create {}: {}",
                        Topics.WEBHOOK_ENDPOINTS,
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("could not create {} in {}", Topics.WEBHOOK_ENDPOINTS, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
