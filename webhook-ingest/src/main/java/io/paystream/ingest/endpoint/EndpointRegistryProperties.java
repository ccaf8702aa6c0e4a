package io.paystream.ingest.endpoint;

import io.paystream.events.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ingest follows the runtime endpoint registry.
 *
 * @param topic the compacted registry topic
 * @param startupTimeout how long start-up waits for the topic to be read to its end before serving anyway (Kafka may
 *     be down; the follower keeps trying, and readiness says so)
 * @param retryBackoff pause between attempts while the broker or the topic is unavailable
 */
@ConfigurationProperties("paystream.ingest.registry")
record EndpointRegistryProperties(
        @DefaultValue(Topics.WEBHOOK_ENDPOINTS) String topic,
        @DefaultValue("15s") Duration startupTimeout,
        @DefaultValue("2s") Duration retryBackoff) {

    EndpointRegistryProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("paystream.ingest.registry.topic must not be blank");
        }
        if (startupTimeout == null || startupTimeout.isNegative()) {
            throw new IllegalArgumentException("paystream.ingest.registry.startup-timeout must not be negative");
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("paystream.ingest.registry.retry-backoff must be positive");
        }
    }
}
