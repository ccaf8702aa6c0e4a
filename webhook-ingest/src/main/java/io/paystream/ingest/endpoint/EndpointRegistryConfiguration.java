package io.paystream.ingest.endpoint;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.crypto.SecretCipherConfiguration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the follower of the runtime endpoint registry ({@code paystream.ingest.registry.*}). Registrations carry their
 * signing secrets encrypted by catalog-sync; the {@link SecretCipher} that decrypts them is service-support's, built
 * from {@code paystream.crypto.*} by the rules every service shares.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecretCipherConfiguration.class)
class EndpointRegistryConfiguration {

    @Bean
    RegistrationApplier registrationApplier(
            InMemoryWebhookEndpoints endpoints,
            EndpointProperties configured,
            SecretCipher secretCipher,
            MeterRegistry meters) {
        return new RegistrationApplier(endpoints, configured.endpoints().keySet(), secretCipher, meters);
    }

    @Bean
    EndpointRegistryFollower endpointRegistryFollower(
            EndpointRegistryProperties properties,
            KafkaProperties kafka,
            KafkaAdmin kafkaAdmin,
            RegistrationApplier applier) {
        EndpointRegistryTopic topic =
                new EndpointRegistryTopic(properties.topic(), kafkaAdmin.getConfigurationProperties());
        return new EndpointRegistryFollower(
                topic,
                () -> new KafkaConsumer<>(
                        EndpointRegistryFollower.consumerConfig(kafka.buildConsumerProperties()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer()),
                applier,
                properties);
    }

    /** Part of the readiness group: until the registry is read, runtime endpoints may answer 404. */
    @Bean
    HealthIndicator endpointRegistryHealthIndicator(EndpointRegistryFollower follower, RegistrationApplier applier) {
        return () -> (follower.isCaughtUp() ? Health.up() : Health.outOfService())
                .withDetail("runtimeEndpoints", applier.runtimeEndpoints())
                .build();
    }
}
