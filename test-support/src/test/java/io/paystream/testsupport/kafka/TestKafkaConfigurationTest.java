package io.paystream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(TestKafkaConfiguration.class)
class TestKafkaConfigurationTest {

    @Autowired
    Environment environment;

    @Autowired
    TestKafka kafka;

    @Test
    void pointsSpringKafkaAtTheSharedBroker() {
        assertThat(kafka).isSameAs(TestKafka.shared());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestKafka.shared().bootstrapServers());
    }

    @Test
    void closingAContextLeavesTheSharedBrokerToTheOthers() throws Exception {
        try (var context = new AnnotationConfigApplicationContext(TestKafkaConfiguration.class)) {
            assertThat(context.getBean(TestKafka.class)).isSameAs(TestKafka.shared());
        }

        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
                    .hasSize(1);
        }
    }
}
