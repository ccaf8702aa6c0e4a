package io.paystream.catalog;

import io.paystream.events.Topics;
import io.paystream.testsupport.KafkaBrokerProcess;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A real Kafka broker process for the test context, with {@code stripe.events} created up front; stopped with it. */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaBrokerConfiguration {

    @Bean(destroyMethod = "close")
    KafkaBrokerProcess kafkaBroker() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(Files.createTempDirectory("catalog-kafka"));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.STRIPE_EVENTS, 3, (short) 1)))
                    .all()
                    .get();
        }
        return broker;
    }

    @Bean
    DynamicPropertyRegistrar kafkaBootstrapServers(KafkaBrokerProcess broker) {
        return registry -> registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }
}
