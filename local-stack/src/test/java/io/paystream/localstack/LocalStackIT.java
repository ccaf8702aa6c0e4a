package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack end to end with the real, packaged service jars: {@code up} on free ports, one signed event through
 * the ingest, seen on {@code stripe.events} by the {@code tail} logic, then everything stopped. Runs in {@code verify}
 * after the reactor packaged the services; skipped until the webhook-ingest jar exists.
 */
class LocalStackIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void aSignedEventSentToTheLocalStackArrivesOnTheTopicKeyedByItsObjectId() throws Exception {
        StackSettings defaults = RunningStackTest.settingsFor(REPO);
        Path ingestJar = new ServiceSpec("webhook-ingest", 0, true, java.util.Map.of()).jar(REPO);
        Assumptions.assumeTrue(
                Files.isRegularFile(ingestJar),
                ingestJar + " does not exist yet: package webhook-ingest first (the reactor does in verify)");
        StackSettings settings = new StackSettings(
                REPO,
                dataDir,
                defaults.kafkaPort(),
                defaults.kafkaControllerPort(),
                defaults.mongoPort(),
                defaults.ingestPort(),
                defaults.workerPort(),
                defaults.catalogPort(),
                defaults.emulatorPort(),
                List.of(),
                java.util.Optional.empty(),
                false,
                "512m",
                "384m",
                Duration.ofSeconds(240),
                System.getProperty("java.class.path"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        List<ProcessHandle> services;
        try (RunningStack stack = RunningStack.start(settings, out)) {
            assertThat(stack.outcomes()).containsEntry("webhook-ingest", "up");
            services = stack.serviceProcesses();

            FixtureEvent event = FixtureSelection.resolve("payment_intent.succeeded", SendCommand.newRunId())
                    .get(0);
            URI url = URI.create("http://127.0.0.1:" + settings.ingestPort() + "/webhooks/stripe");
            WebhookSender.Delivery delivery = new WebhookSender(url, StackSettings.DEV_SECRET).send(event);
            assertThat(delivery.status()).as(delivery.reason()).isEqualTo(200);

            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            try (TopicTail tail = new TopicTail(settings.bootstrapServers(), Topics.STRIPE_EVENTS, true)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    seen.addAll(tail.poll(Duration.ofMillis(500)));
                    return !seen.isEmpty();
                });
            }
            ConsumerRecord<byte[], byte[]> record = seen.get(0);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.objectId());
            assertThat(record.value()).isEqualTo(event.body());
            assertThat(new String(
                            record.headers()
                                    .lastHeader(StripeEventHeaders.EVENT_ID)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(event.id());
            assertThat(RecordPreview.format(record)).contains("key=" + event.objectId());
        }

        assertThat(services).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(RunningStackTest.aliveChildren()).isEmpty();
    }
}
