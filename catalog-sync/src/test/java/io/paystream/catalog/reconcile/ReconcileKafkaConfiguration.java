package io.paystream.catalog.reconcile;

import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A broker of this context's own, with {@code stripe.events} and {@code stripe.fetched} in three partitions, stopped with the context: its
 * listeners would otherwise join the consumer groups of other cached contexts on the shared broker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReconcileKafkaConfiguration {

    @Bean(destroyMethod = "close")
    TestKafka reconcileKafka() {
        return TestKafka.isolated().createTopics(3, Topics.STRIPE_EVENTS, Topics.STRIPE_FETCHED);
    }

    @Bean
    DynamicPropertyRegistrar reconcileKafkaBootstrapServers(TestKafka reconcileKafka) {
        return registry -> registry.add("spring.kafka.bootstrap-servers", reconcileKafka::bootstrapServers);
    }
}
