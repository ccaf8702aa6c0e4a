package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.model.Product;
import com.stripe.param.ProductCreateParams;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures;
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
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack end to end with the real, packaged service jars: {@code up} on free ports, one signed event through
 * the ingest, seen on {@code stripe.events} by the {@code tail} logic, then everything stopped. Runs in {@code verify}
 * after the reactor packaged the services; skipped until the webhook-ingest jar exists.
 */
class LocalStackIT {

    /** 15 or 16 digits, optionally grouped by spaces or dashes, starting like a card number; then Luhn decides. */
    private static final Pattern CARD_SHAPED = Pattern.compile("(?<![0-9])[3-6](?:[ -]?[0-9]){14,15}(?![0-9])");
    /** A whole Stripe secret key or webhook signing secret; masked keys ({@code sk_test_...abcd}) do not match. */
    private static final Pattern SECRET_SHAPED =
            Pattern.compile("(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{20,}|whsec_[A-Za-z0-9_]{16,}");

    private static final String INJECTED_CARD = "4242 4242 4242 4242";

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void aSignedEventSentToTheLocalStackArrivesOnTheTopicKeyedByItsObjectId() throws Exception {
        StackSettings defaults = RunningStackTest.settingsFor(REPO);
        Path ingestJar = new ServiceSpec("webhook-ingest", "ingest-port", 0, true, java.util.Map.of()).jar(REPO);
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
                System.getProperty("java.class.path"),
                java.util.Optional.empty());
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

            aKeyConnectionsFirstEventIsAcceptedOnItsNewEndpoint(stack, settings);
            noCardNumberOrSecretIsStoredOrLogged(settings);
        }

        assertThat(services).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(RunningStackTest.aliveChildren()).isEmpty();
    }

    /**
     * The local stack connected the emulator's demo shop by its keys on start. A change on that account is delivered,
     * signed with the endpoint's own secret, to {@code /webhooks/stripe/<connectionId>}, which the ingest learnt at
     * run time: it must arrive on the topic attributed to the shop's account and endpoint.
     */
    private static void aKeyConnectionsFirstEventIsAcceptedOnItsNewEndpoint(RunningStack stack, StackSettings settings)
            throws Exception {
        DemoConnection.Result demo = stack.demoConnection().orElseThrow();
        assertThat(demo.connectionId()).as(demo.outcome()).isNotNull();

        try (TopicTail tail = new TopicTail(settings.bootstrapServers(), Topics.STRIPE_EVENTS, true)) {
            StripeClient shop = StripeClient.builder()
                    .setApiKey(DemoConnection.SHOP_SECRET_KEY)
                    .setApiBase("http://127.0.0.1:" + settings.emulatorPort())
                    .build();
            Product product = shop.v1()
                    .products()
                    .create(ProductCreateParams.builder()
                            .setName("Demo shop mug")
                            .build());

            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.addAll(tail.poll(Duration.ofMillis(500)));
                return seen.stream().anyMatch(r -> product.getId().equals(new String(r.key(), StandardCharsets.UTF_8)));
            });
            ConsumerRecord<byte[], byte[]> record = seen.stream()
                    .filter(r -> product.getId().equals(new String(r.key(), StandardCharsets.UTF_8)))
                    .findFirst()
                    .orElseThrow();
            assertThat(header(record, StripeEventHeaders.ENDPOINT_ID)).isEqualTo(demo.connectionId());
            assertThat(header(record, StripeEventHeaders.ACCOUNT)).isEqualTo(DemoConnection.SHOP_ACCOUNT);
        }
    }

    /**
     * Every lifecycle fixture through ingest and worker, one of them carrying a card number in its metadata as a careless
     * integration might; then no MongoDB document of any collection and no Paystream service log holds a card-number
     * shaped value or a whole secret. (The emulator's own log prints its keys by design and is not a Paystream service.)
     */
    private static void noCardNumberOrSecretIsStoredOrLogged(StackSettings settings) throws Exception {
        String runId = SendCommand.newRunId();
        URI url = URI.create("http://127.0.0.1:" + settings.ingestPort() + "/webhooks/stripe");
        WebhookSender sender = new WebhookSender(url, StackSettings.DEV_SECRET);
        FixtureEvent carrier = null;
        for (String lifecycle : StripeFixtures.lifecycleNames()) {
            for (FixtureEvent event : StripeFixtures.lifecycle(lifecycle, runId)) {
                if (carrier == null && event.type().equals("payment_intent.succeeded")) {
                    event = withCardInMetadata(event);
                    carrier = event;
                }
                WebhookSender.Delivery delivery = sender.send(event);
                assertThat(delivery.status()).as(delivery.reason()).isEqualTo(200);
            }
        }
        assertThat(carrier).as("a payment_intent.succeeded fixture").isNotNull();
        String carrierId = carrier.objectId();

        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            MongoDatabase database = client.getDatabase(StackSettings.MONGO_DATABASE);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> database.getCollection("payment_intents")
                                    .find(Filters.eq("_id", carrierId))
                                    .first()
                            != null);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    String json = document.toJson();
                    assertThat(cardNumbersIn(json))
                            .as("card numbers in %s", collection)
                            .isEmpty();
                    assertThat(SECRET_SHAPED
                                    .matcher(json)
                                    .results()
                                    .map(m -> m.group())
                                    .toList())
                            .as("secrets in %s", collection)
                            .isEmpty();
                }
            }
        }
        try (var logs = Files.list(settings.logDir())) {
            for (Path log : logs.filter(f -> !f.getFileName().toString().startsWith("stripe-emulator"))
                    .toList()) {
                String text = Files.readString(log);
                assertThat(cardNumbersIn(text)).as("card numbers in %s", log).isEmpty();
                assertThat(SECRET_SHAPED.matcher(text).find())
                        .as("a secret in %s", log)
                        .isFalse();
            }
        }
    }

    private static FixtureEvent withCardInMetadata(FixtureEvent event) {
        String body = new String(event.body(), StandardCharsets.UTF_8);
        int object = body.indexOf("\"object\":", body.indexOf("\"data\""));
        assertThat(object).as("data.object in " + event.id()).isPositive();
        int brace = body.indexOf('{', object);
        String injected = body.substring(0, brace + 1) + "\"metadata\":{\"customer_note\":\"card " + INJECTED_CARD
                + "\"}," + body.substring(brace + 1);
        return new FixtureEvent(event.id(), event.type(), event.objectId(), injected.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> cardNumbersIn(String text) {
        return CARD_SHAPED
                .matcher(text)
                .results()
                .map(m -> m.group())
                .filter(LocalStackIT::passesLuhn)
                .toList();
    }

    private static boolean passesLuhn(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
