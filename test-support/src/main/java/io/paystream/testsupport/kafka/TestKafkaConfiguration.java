package io.paystream.testsupport.kafka;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a Spring test context at the JVM's {@link TestKafka#shared() shared broker}: {@code @Import} it. Topics a
 * context needs at once go up front, in the test class ({@code TestKafka.shared().createTopics(...)} in a static
 * initializer) or as {@code NewTopic} beans, which Spring Boot's {@code KafkaAdmin} creates on start-up.
 *
 * <p>The broker is not a bean of the context: it outlives every context of the JVM, so closing a cached context
 * never stops it under another one.
 *
 * <p>Its address reaches the context through a {@link DynamicPropertyRegistrar}, which runs when the context creates
 * its singletons. Beans made earlier, with the web server (servlet filters such as webhook-ingest's, which builds its
 * Kafka producer), would not see it: such a test sets {@code spring.kafka.bootstrap-servers} from
 * {@code TestKafka.shared().bootstrapServers()} in a {@code @DynamicPropertySource} method instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestKafkaConfiguration {

    /** For tests that produce or read themselves: {@code @Autowired TestKafka kafka}. */
    @Bean(destroyMethod = "")
    TestKafka testKafka() {
        return TestKafka.shared();
    }

    @Bean
    DynamicPropertyRegistrar testKafkaBootstrapServers(TestKafka kafka) {
        return registry -> registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }
}
