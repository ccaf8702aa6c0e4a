package io.paystream.catalog.backfill;

import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * An embedded Kafka broker of this context's own, with {@code stripe.events} and {@code stripe.fetched} in three partitions, stopped with the
 * context: this context's listeners join the consumer groups of the connection tests' cached context, and on one
 * broker the two would split {@code stripe.events} between them (see the events contract's {@code OwnKafka...}).
 */
@TestConfiguration(proxyBeanMethods = false)
class BackfillKafkaConfiguration {

    @Bean(destroyMethod = "close")
    TestKafka backfillKafka() {
        return TestKafka.isolated().createTopics(3, Topics.STRIPE_EVENTS, Topics.STRIPE_FETCHED);
    }

    @Bean
    DynamicPropertyRegistrar backfillKafkaBootstrapServers(TestKafka backfillKafka) {
        return registry -> registry.add("spring.kafka.bootstrap-servers", backfillKafka::bootstrapServers);
    }
}
