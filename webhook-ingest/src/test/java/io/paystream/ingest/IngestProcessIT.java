package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.events.Topics;
import io.paystream.testsupport.FreePorts;
import io.paystream.testsupport.StripeWebhookSigner;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar as a real process under concurrent signed load against a real broker. Whatever way the ingest dies,
 * every event that got a 200 is on the topic: SIGKILL mid-load, and SIGTERM while a request is half received (that
 * request still completes with 200). The broker is never stopped, so it is an embedded one; this test's own, since it
 * wants {@code stripe.events} with three partitions whatever other tests in the JVM made of it.
 */
class IngestProcessIT {

    private static final String SECRET = "whsec_process_it_secret";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^paystream_ingest_inflight(?:\\{[^}]*})? (\\S+)$");

    private static Path workDir;
    private static TestKafka broker;
    private static TopicReader topic;

    private Process ingest;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean loadRunning = new AtomicBoolean();
    private ExecutorService load;

    @BeforeAll
    static void startBroker() throws Exception {
        workDir = Files.createTempDirectory("ingest-process-it");
        broker = TestKafka.isolated().createTopics(3, Topics.STRIPE_EVENTS);
        topic = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.STRIPE_EVENTS)
                .awaitTimeout(WAIT);
    }

    @AfterAll
    static void stopBroker() {
        if (topic != null) {
            topic.close();
        }
        if (broker != null) {
            broker.close();
        }
        FileSystemUtils.deleteRecursively(workDir.toFile());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        stopLoad();
        if (ingest != null && ingest.isAlive()) {
            ingest.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigkillMidLoadLosesNoAcknowledgedEvent() throws Exception {
        WebhookClient client = startIngest("kill");
        startLoad(client, 8);
        await().atMost(WAIT).until(() -> acknowledged.size() >= 300);

        ingest.destroyForcibly();
        assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
        stopLoad();

        assertEveryAcknowledgedEventIsOnTheTopic();
    }

    @Test
    void sigtermFinishesRequestsInFlightAndLosesNoAcknowledgedEvent() throws Exception {
        WebhookClient client = startIngest("term");
        String stalledId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(stalledId, "pi_in_flight_at_sigterm");
        int half = body.length / 2;
        try (Socket inFlight = client.openRaw(
                "POST /webhooks/stripe HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Stripe-Signature: " + StripeWebhookSigner.header(body, SECRET) + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n",
                Arrays.copyOfRange(body, 0, half))) {
            await().atMost(WAIT).until(() -> inFlight(client) == 1);
            startLoad(client, 6);
            await().atMost(WAIT).until(() -> acknowledged.size() >= 150);

            ingest.destroy();
            await().atMost(WAIT).until(() -> refusesConnections(client));
            OutputStream out = inFlight.getOutputStream();
            out.write(body, half, body.length - half);
            out.flush();

            String response = WebhookClient.readResponseHead(inFlight);
            assertThat(WebhookClient.statusOf(response))
                    .as("the request in flight at SIGTERM")
                    .isEqualTo(200);
            acknowledged.add(stalledId);
        }
        assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).as("graceful exit").isTrue();
        stopLoad();

        assertEveryAcknowledgedEventIsOnTheTopic();
        assertThat(topic.records(TestEvents.hasEventId(stalledId))).isNotEmpty();
    }

    private void assertEveryAcknowledgedEventIsOnTheTopic() {
        assertThat(acknowledged).isNotEmpty();
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> onTopic = TestEvents.eventIds(topic.records());
            assertThat(acknowledged.stream().filter(id -> !onTopic.contains(id)).toList())
                    .as("acknowledged events missing from the topic")
                    .isEmpty();
        });
    }

    private WebhookClient startIngest(String name) throws IOException {
        int port = FreePorts.next();
        Path jar = Path.of(System.getProperty("ingest.jar", "target/webhook-ingest-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("packaged ingest jar; run through 'mvn verify'").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("ingest-" + name + ".log").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("STRIPE_WEBHOOK_SECRET", SECRET);
        builder.environment().put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        ingest = builder.start();
        WebhookClient client = new WebhookClient(port);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(ingest.isAlive())
                    .as("ingest process alive, see %s", workDir.resolve("ingest-" + name + ".log"))
                    .isTrue();
            try {
                return client.get("/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notListeningYet) {
                return false;
            }
        });
        return client;
    }

    private void startLoad(WebhookClient client, int threads) {
        loadRunning.set(true);
        load = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            load.submit(() -> {
                while (loadRunning.get()) {
                    String eventId = TestEvents.newEventId();
                    try {
                        HttpResponse<String> response =
                                client.sendSigned(TestEvents.snapshot(eventId, "pi_" + eventId.substring(4)), SECRET);
                        if (response.statusCode() == 200) {
                            acknowledged.add(eventId);
                        }
                    } catch (RuntimeException connectionLost) {
                        // the ingest is going down: no 200, so Stripe would redeliver this one
                    }
                }
            });
        }
    }

    private void stopLoad() throws InterruptedException {
        loadRunning.set(false);
        if (load != null) {
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            load = null;
        }
    }

    private static double inFlight(WebhookClient client) {
        Matcher matcher = IN_FLIGHT.matcher(client.get("/actuator/prometheus").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static boolean refusesConnections(WebhookClient client) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", client.uri("/").getPort()), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
