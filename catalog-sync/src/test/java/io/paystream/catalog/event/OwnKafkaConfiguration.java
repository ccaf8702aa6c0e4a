package io.paystream.catalog.event;

import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * An embedded Kafka broker of this context's own ({@link TestKafka#isolated()}), with {@code stripe.events} in three
 * partitions, stopped with the context. Not the JVM's shared broker: this context's listeners join the consumer groups
 * {@code catalog-sync} and {@code catalog-sync-connections}, and so do those of the connection tests' context, which
 * Spring keeps alive in its cache. On one broker the two contexts would split the partitions of {@code stripe.events}
 * between them, each missing the events the other took.
 */
@TestConfiguration(proxyBeanMethods = false)
class OwnKafkaConfiguration {

    @Bean(destroyMethod = "close")
    TestKafka ownKafka() {
        return TestKafka.isolated().createTopics(3, Topics.STRIPE_EVENTS);
    }

    @Bean
    DynamicPropertyRegistrar ownKafkaBootstrapServers(TestKafka ownKafka) {
        return registry -> registry.add("spring.kafka.bootstrap-servers", ownKafka::bootstrapServers);
    }
}
