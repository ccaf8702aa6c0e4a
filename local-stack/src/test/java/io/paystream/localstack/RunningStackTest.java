package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.paystream.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stack's orchestration with the real broker process and Mongo server, and stand-in service processes. The local
 * stack is the no-Docker path by definition, so there is no Testcontainers variant of this test.
 */
class RunningStackTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    static StackSettings settingsFor(Path home) {
        int[] ports = FreePorts.distinct(7);
        return new StackSettings(
                home,
                home.resolve(".local"),
                ports[0],
                ports[1],
                ports[2],
                ports[3],
                ports[4],
                ports[5],
                ports[6],
                List.of(),
                Optional.empty(),
                false,
                "256m",
                "64m",
                Duration.ofSeconds(120),
                System.getProperty("java.class.path"),
                java.util.Optional.empty());
    }

    @Test
    void startsTheBuiltServicesWiredToTheStackAndLeavesOutAnOptionalOneThatFails() throws Exception {
        FakeServiceJars.install(home, "webhook-ingest", "up");
        FakeServiceJars.install(home, "payment-worker", "up");
        FakeServiceJars.install(home, "catalog-sync", "crash");
        StackSettings settings = settingsFor(home);

        List<ProcessHandle> services;
        try (RunningStack stack = RunningStack.start(settings, out)) {
            assertThat(stack.outcomes())
                    .containsEntry("webhook-ingest", "up")
                    .containsEntry("payment-worker", "up")
                    .hasEntrySatisfying("catalog-sync", o -> assertThat(o).startsWith("left out"));
            services = stack.serviceProcesses();
            assertThat(services).hasSize(2).allMatch(ProcessHandle::isAlive);
            assertThat(stack.brokerRunning()).isTrue();
            assertThat(settings.logDir().resolve("webhook-ingest.log"))
                    .content()
                    .contains("mode up")
                    .contains("env SERVER_PORT=" + settings.ingestPort())
                    .contains("env SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + settings.kafkaPort())
                    .contains("env STRIPE_WEBHOOK_SECRET=" + StackSettings.DEV_SECRET);
            assertThat(settings.logDir().resolve("payment-worker.log"))
                    .content()
                    .contains("env SPRING_MONGODB_URI=mongodb://127.0.0.1:" + settings.mongoPort() + "/paystream");

            StackSummary.print(stack, out);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("http://127.0.0.1:" + settings.ingestPort() + "/webhooks/stripe")
                    .contains(StackSettings.DEV_SECRET)
                    .contains("catalog-sync")
                    .contains("left out")
                    .contains("with the services' secondary indexes");
        }

        assertThat(services).noneMatch(ProcessHandle::isAlive);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsSubsequence("Stopping services", "Stopping Kafka broker", "Stopping MongoDB wire server");
        assertThat(aliveChildren()).isEmpty();
    }

    @Test
    void aRequiredServiceThatFailsStopsEverythingAndNamesItsLog() {
        FakeServiceJars.install(home, "webhook-ingest", "crash");
        StackSettings settings = settingsFor(home);

        assertThatThrownBy(() -> RunningStack.start(settings, out))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("webhook-ingest exited with code 3")
                .hasMessageContaining(
                        settings.logDir().resolve("webhook-ingest.log").toString())
                .hasMessageContaining("boom");
        assertThat(aliveChildren()).isEmpty();
    }

    @Test
    void refusesToStartWhenAPortIsTakenAndStartsNothing() throws Exception {
        StackSettings settings = settingsFor(home);
        try (ServerSocket taken = new ServerSocket(settings.mongoPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> RunningStack.start(settings, out))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining(
                            "port " + settings.mongoPort() + " for MongoDB (--mongo-port) is already in use");
        }
        assertThat(aliveChildren()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Starting Kafka");
    }

    /** Each built service's port is checked before anything starts, and the message names the option that moves it. */
    @ParameterizedTest
    @CsvSource({
        "stripe-emulator, --emulator-port",
        "webhook-ingest, --ingest-port",
        "payment-worker, --worker-port",
        "catalog-sync, --catalog-port"
    })
    void aTakenServicePortNamesTheOptionThatMovesIt(String module, String option) throws Exception {
        StackSettings settings = settingsFor(home);
        List<ServiceSpec> specs = ServiceSpec.all(settings);
        specs.forEach(spec -> FakeServiceJars.write(spec.jar(home), "up"));
        int port = specs.stream()
                .filter(spec -> spec.module().equals(module))
                .findFirst()
                .orElseThrow()
                .port();

        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> RunningStack.start(settings, out))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("port " + port + " for " + module + " (" + option + ") is already in use");
        }
        assertThat(aliveChildren()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Starting");
    }

    @Test
    void kafkaRecordsAndMongoDocumentsSurviveARestart() throws Exception {
        StackSettings settings = settingsFor(home);
        try (RunningStack stack = RunningStack.start(settings, out)) {
            assertThat(stack.outcomes())
                    .allSatisfy((module, outcome) -> assertThat(outcome).startsWith("not built"));
            produce(settings.bootstrapServers(), "pi_kept", "kept");
            try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
                mongo.getDatabase("paystream").getCollection("payments").insertOne(new Document("_id", "pi_kept"));
            }
        }
        assertThat(Files.exists(settings.dataDir().resolve("mongo-v2.mv"))).isTrue();

        try (RunningStack again = RunningStack.start(settings, out)) {
            try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
                assertThat(mongo.getDatabase("paystream")
                                .getCollection("payments")
                                .find(new Document("_id", "pi_kept"))
                                .first())
                        .isNotNull();
            }
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            try (TopicTail tail = new TopicTail(settings.bootstrapServers(), "kept", true)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    seen.addAll(tail.poll(Duration.ofMillis(500)));
                    return !seen.isEmpty();
                });
            }
            assertThat(new String(seen.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("pi_kept");
        }
    }

    static List<ProcessHandle> aliveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>("kept", key, value)).get();
        }
    }
}
