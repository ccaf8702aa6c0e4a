package io.paystream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    @Test
    void theSharedBrokerStartsOnceAndAnswers() throws Exception {
        TestKafka kafka = TestKafka.shared();

        assertThat(TestKafka.shared()).isSameAs(kafka);
        try (Admin admin = admin(kafka)) {
            assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        assertThat(System.getProperty("spring.kafka.bootstrap-servers"))
                .as("no Spring context of the JVM is pointed at the broker unasked")
                .isNull();
    }

    @Test
    void creatingTopicsAgainKeepsThemAndAnotherPartitionCountIsRefusedByName() throws Exception {
        String topic = "shape-" + UUID.randomUUID();
        TestKafka kafka = TestKafka.shared().createTopics(3, topic);

        kafka.createTopics(3, topic);

        try (Admin admin = admin(kafka)) {
            assertThat(admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(60, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions())
                    .hasSize(3);
        }
        assertThatThrownBy(() -> kafka.createTopics(1, topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic " + topic + " exists with 3 partition(s)")
                .hasMessageContaining("asked for 1");
    }

    @Test
    void anIsolatedBrokerStartsEmptyAndStopsOnClose() throws Exception {
        String sharedTopic = "shared-only-" + UUID.randomUUID();
        TestKafka.shared().createTopics(1, sharedTopic);

        int port;
        try (TestKafka own = TestKafka.isolated()) {
            assertThat(own.bootstrapServers()).isNotEqualTo(TestKafka.shared().bootstrapServers());
            try (Admin admin = admin(own)) {
                Set<String> topics = admin.listTopics().names().get(60, TimeUnit.SECONDS);
                assertThat(topics).doesNotContain(sharedTopic);
            }
            port = port(own);
            assertThat(listening(port)).isTrue();
        }

        assertThat(listening(port)).as("stopped on close").isFalse();
        assertThat(listening(port(TestKafka.shared()))).isTrue();
    }

    private static Admin admin(TestKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static int port(TestKafka kafka) {
        String servers = kafka.bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }
}
