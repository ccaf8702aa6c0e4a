package io.paystream.ingest.publish;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paystream.ingest.IngestProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** The producer settings that make "200 only after the broker acknowledged" true, and the publisher built on them. */
@Configuration(proxyBeanMethods = false)
class KafkaPublishConfiguration {

    /** The circuit breaker's name; its settings live under {@code resilience4j.circuitbreaker.instances.kafka-publish}. */
    static final String CIRCUIT_BREAKER = "kafka-publish";

    /**
     * acks=all and idempotence are forced whatever the configuration says; {@code max.block.ms} is capped at the
     * publish timeout so that a dead broker cannot hold a request thread in {@code send()} longer than a request may
     * wait anyway. The producer factory stops in the last lifecycle phase, after the web server has drained, so
     * in-flight requests can still publish during a graceful shutdown and the producer is flushed when it closes.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer acknowledgedDeliveryCustomizer(IngestProperties properties) {
        return factory -> {
            long maxBlock = properties.publishTimeout().toMillis();
            Object configured = factory.getConfigurationProperties().get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
            if (configured != null) {
                maxBlock = Math.min(maxBlock, Long.parseLong(configured.toString()));
            }
            factory.updateConfigs(java.util.Map.of(
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    maxBlock));
        };
    }

    @Bean
    StripeEventPublisher stripeEventPublisher(
            ProducerFactory<String, byte[]> producerFactory,
            IngestProperties properties,
            CircuitBreakerRegistry circuitBreakers,
            MeterRegistry meters) {
        Timer publishTimer = Timer.builder("paystream.ingest.publish")
                .description("Time from handing a verified event to the producer until the broker acknowledged it")
                .publishPercentileHistogram()
                .register(meters);
        return new StripeEventPublisher(
                producerFactory,
                properties.topic(),
                properties.publishTimeout(),
                circuitBreakers.circuitBreaker(CIRCUIT_BREAKER),
                publishTimer);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties());
    }
}
