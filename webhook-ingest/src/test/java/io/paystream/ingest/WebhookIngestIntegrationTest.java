package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.ingest.endpoint.InMemoryWebhookEndpoints;
import io.paystream.ingest.endpoint.LivemodePolicy;
import io.paystream.ingest.endpoint.WebhookEndpoint;
import io.paystream.ingest.signature.SigningSecret;
import io.paystream.testsupport.StripeWebhookSigner;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest end to end against a real (embedded, KRaft) broker: what Stripe sees, and what lands on the topic. The
 * broker is the test JVM's shared one, so the topic may hold other classes' records: every assertion looks for its own
 * event ids.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.ingest.max-body-size=64KB",
            "paystream.ingest.max-in-flight=3",
            "paystream.ingest.endpoints.default.secrets=" + WebhookIngestIntegrationTest.CURRENT + ", "
                    + WebhookIngestIntegrationTest.PREVIOUS,
            "paystream.ingest.endpoints.default.tenant=acme",
            "paystream.ingest.endpoints.live-only.secrets=" + WebhookIngestIntegrationTest.LIVE_SECRET,
            "paystream.ingest.endpoints.live-only.tenant=globex",
            "paystream.ingest.endpoints.live-only.livemode=live",
            "paystream.ingest.endpoints.test-only.secrets=" + WebhookIngestIntegrationTest.TEST_SECRET,
            "paystream.ingest.endpoints.test-only.tenant=globex",
            "paystream.ingest.endpoints.test-only.livemode=test",
            "paystream.ingest.endpoints.unconfigured.tenant=initech"
        })
class WebhookIngestIntegrationTest {

    static final String CURRENT = "whsec_it_current_secret";
    static final String PREVIOUS = "whsec_it_previous_secret";
    static final String LIVE_SECRET = "whsec_it_live_secret";
    static final String TEST_SECRET = "whsec_it_test_secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static @Nullable TopicReader topic;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InMemoryWebhookEndpoints endpoints;

    @Autowired
    ProducerFactory<String, byte[]> producerFactory;

    /**
     * Not through test-support's {@code TestKafkaConfiguration}: its {@code DynamicPropertyRegistrar} runs only once the
     * context instantiates its singletons, and the webhook filter, which reaches the Kafka producer, is created earlier,
     * with the web server. A {@code @DynamicPropertySource} is in the environment before the context refreshes.
     */
    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) {
        properties.add(
                "spring.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    }

    @BeforeAll
    static void readTopic() {
        TestKafka kafka = TestKafka.shared().createTopics(1, Topics.STRIPE_EVENTS);
        topic = TopicReader.fromBeginning(kafka.bootstrapServers(), Topics.STRIPE_EVENTS)
                .awaitTimeout(WAIT);
    }

    @AfterAll
    static void stopReading() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    WebhookClient client() {
        return new WebhookClient(port);
    }

    ConsumerRecord<String, byte[]> awaitOnTopic(String eventId) {
        return topic.awaitRecord(TestEvents.hasEventId(eventId));
    }

    /** Sends an accepted marker and waits for it: anything published before the marker is on the topic by then. */
    void assertNeverPublished(String eventId) {
        String marker = TestEvents.newEventId();
        assertThat(client().sendSigned(TestEvents.snapshot(marker, "pi_marker"), CURRENT)
                        .statusCode())
                .isEqualTo(200);
        awaitOnTopic(marker);
        assertThat(topic.records(TestEvents.hasEventId(eventId)))
                .as("%s on the topic", eventId)
                .isEmpty();
    }

    @Test
    void publishesTheExactBytesKeyedByObjectIdWithMetadataHeaders() {
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "charge.refunded", "ch_exact", false, "acct_1Connected");
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = client().sendSigned(body, CURRENT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        ConsumerRecord<String, byte[]> record = awaitOnTopic(eventId);
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo("ch_exact");
        Map<String, @Nullable String> headers = TopicReader.headers(record);
        assertThat(headers)
                .containsEntry(StripeEventHeaders.EVENT_ID, eventId)
                .containsEntry(StripeEventHeaders.EVENT_TYPE, "charge.refunded")
                .containsEntry(StripeEventHeaders.EVENT_SHAPE, EventShape.SNAPSHOT.headerValue())
                .containsEntry(StripeEventHeaders.ACCOUNT, "acct_1Connected")
                .containsEntry(StripeEventHeaders.LIVEMODE, "false")
                .containsEntry(StripeEventHeaders.API_VERSION, TestEvents.API_VERSION)
                .containsEntry(
                        StripeEventHeaders.EVENT_CREATED,
                        Instant.ofEpochSecond(1763830000).toString())
                .containsEntry(StripeEventHeaders.ENDPOINT_ID, "default")
                .containsEntry(StripeEventHeaders.TENANT, "acme")
                .containsEntry(StripeEventHeaders.CONTRACT_VERSION, StripeEventHeaders.CURRENT_CONTRACT_VERSION);
        assertThat(Instant.parse(headers.get(StripeEventHeaders.RECEIVED_AT))).isBetween(before, Instant.now());
    }

    @Test
    void acceptsASignatureMadeWithTheSecretBeingRolledOut() {
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "pi_rolled");
        String header = StripeWebhookSigner.headerForSecrets(body, Instant.now(), "whsec_unrelated", PREVIOUS);

        assertThat(client().send("/webhooks/stripe", body, header).statusCode()).isEqualTo(200);
        assertThat(awaitOnTopic(eventId).key()).isEqualTo("pi_rolled");
    }

    @Test
    void namedEndpointsStampTheirIdAndTenant() {
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "payment_intent.succeeded", "pi_live", true, null);

        HttpResponse<String> response =
                client().send("/webhooks/stripe/live-only", body, StripeWebhookSigner.header(body, LIVE_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, @Nullable String> headers = TopicReader.headers(awaitOnTopic(eventId));
        assertThat(headers)
                .containsEntry(StripeEventHeaders.ENDPOINT_ID, "live-only")
                .containsEntry(StripeEventHeaders.TENANT, "globex")
                .containsEntry(StripeEventHeaders.LIVEMODE, "true")
                .doesNotContainKey(StripeEventHeaders.ACCOUNT);
    }

    @Test
    void thinEventsAreKeyedByTheirRelatedObject() {
        String eventId = TestEvents.newEventId();
        Instant created = Instant.parse("2026-11-22T09:30:00.250Z");
        byte[] body = TestEvents.thin(eventId, "v1.billing.meter.no_meter_found", "mtr_thin", "acct_ctx", created);

        assertThat(client().sendSigned(body, CURRENT).statusCode()).isEqualTo(200);

        ConsumerRecord<String, byte[]> record = awaitOnTopic(eventId);
        assertThat(record.key()).isEqualTo("mtr_thin");
        assertThat(record.value()).isEqualTo(body);
        assertThat(TopicReader.headers(record))
                .containsEntry(StripeEventHeaders.EVENT_SHAPE, EventShape.THIN.headerValue())
                .containsEntry(StripeEventHeaders.ACCOUNT, "acct_ctx")
                .containsEntry(StripeEventHeaders.EVENT_CREATED, created.toString())
                .doesNotContainKey(StripeEventHeaders.API_VERSION);
    }

    @Test
    void endpointsRegisteredAtRunTimeServeWithoutARestart() {
        endpoints.register(new WebhookEndpoint(
                "added-later", "umbrella", List.of(new SigningSecret("whsec_added_later")), LivemodePolicy.BOTH));
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "pi_later");
        try {
            HttpResponse<String> response = client().send(
                            "/webhooks/stripe/added-later",
                            body,
                            StripeWebhookSigner.header(body, "whsec_added_later"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TopicReader.headers(awaitOnTopic(eventId)))
                    .containsEntry(StripeEventHeaders.ENDPOINT_ID, "added-later")
                    .containsEntry(StripeEventHeaders.TENANT, "umbrella");
            assertThat(count("added-later", "accepted")).isEqualTo(1);
        } finally {
            endpoints.remove("added-later");
        }
        assertThat(client().send(
                                "/webhooks/stripe/added-later",
                                body,
                                StripeWebhookSigner.header(body, "whsec_added_later"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void unknownEventTypesAreAccepted() {
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "brand_new.thing.happened", "thing_1", false, null);

        assertThat(client().sendSigned(body, CURRENT).statusCode()).isEqualTo(200);
        assertThat(TopicReader.headers(awaitOnTopic(eventId)))
                .containsEntry(StripeEventHeaders.EVENT_TYPE, "brand_new.thing.happened");
    }

    @Test
    void eventsAboutObjectsWithoutIdAreAcceptedAndKeyedByObjectType() {
        String eventId = TestEvents.newEventId();

        assertThat(client().sendSigned(TestEvents.balanceAvailable(eventId), CURRENT)
                        .statusCode())
                .isEqualTo(200);
        assertThat(awaitOnTopic(eventId).key()).isEqualTo("balance:platform");
    }

    @Test
    void anEndpointRefusesEventsOfAModeItDoesNotAccept() {
        double before = count("test-only", "livemode_rejected");
        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "payment_intent.succeeded", "pi_mode", true, null);

        HttpResponse<String> response =
                client().send("/webhooks/stripe/test-only", body, StripeWebhookSigner.header(body, TEST_SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"livemode_not_accepted\"");
        assertThat(count("test-only", "livemode_rejected")).isEqualTo(before + 1);
        assertNeverPublished(eventId);
    }

    /** A request that must be refused: the event id in its body must never reach the topic. */
    record Refused(
            String name, int status, String error, String outcome, Function<WebhookClient, HttpResponse<String>> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String REFUSED_EVENT_ID = "evt_refused_" + Instant.now().toEpochMilli();

    static Stream<Arguments> refusedRequests() {
        byte[] body = TestEvents.snapshot(REFUSED_EVENT_ID, "pi_refused");
        Instant now = Instant.now();
        String valid = StripeWebhookSigner.header(body, CURRENT, now);
        String v1 = valid.substring(valid.indexOf("v1=") + 3);
        List<Refused> cases = new ArrayList<>(List.of(
                new Refused(
                        "missing signature",
                        400,
                        "missing_signature",
                        "bad_signature",
                        c -> c.send("/webhooks/stripe", body, null)),
                new Refused(
                        "malformed signature",
                        400,
                        "malformed_signature",
                        "bad_signature",
                        c -> c.send("/webhooks/stripe", body, "t=abc,v1=" + v1)),
                new Refused(
                        "v0 only",
                        400,
                        "no_v1_signature",
                        "bad_signature",
                        c -> c.send("/webhooks/stripe", body, "t=" + now.getEpochSecond() + ",v0=" + v1)),
                new Refused(
                        "wrong secret",
                        400,
                        "bad_signature",
                        "bad_signature",
                        c -> c.send("/webhooks/stripe", body, StripeWebhookSigner.header(body, "whsec_wrong"))),
                new Refused(
                        "secret of another endpoint",
                        400,
                        "bad_signature",
                        "bad_signature",
                        c -> c.send("/webhooks/stripe", body, StripeWebhookSigner.header(body, LIVE_SECRET))),
                new Refused(
                        "tampered body",
                        400,
                        "bad_signature",
                        "bad_signature",
                        c -> c.send(
                                "/webhooks/stripe",
                                new String(body, StandardCharsets.UTF_8)
                                        .replace("2000", "2001")
                                        .getBytes(StandardCharsets.UTF_8),
                                valid)),
                new Refused(
                        "stale timestamp",
                        400,
                        "timestamp_outside_tolerance",
                        "stale",
                        c -> c.send(
                                "/webhooks/stripe",
                                body,
                                StripeWebhookSigner.header(body, CURRENT, now.minusSeconds(301)))),
                new Refused(
                        "future timestamp",
                        400,
                        "timestamp_outside_tolerance",
                        "stale",
                        c -> c.send(
                                "/webhooks/stripe",
                                body,
                                StripeWebhookSigner.header(body, CURRENT, now.plusSeconds(400)))),
                signedBody("not JSON", "{\"id\":\"" + REFUSED_EVENT_ID + "\", broken", "invalid_json"),
                signedBody("JSON array", "[\"" + REFUSED_EVENT_ID + "\"]", "not_a_stripe_event"),
                signedBody(
                        "not an event object",
                        "{\"id\":\"" + REFUSED_EVENT_ID
                                + "\",\"object\":\"charge\",\"type\":\"x\",\"livemode\":false,"
                                + "\"data\":{\"object\":{\"id\":\"ch_1\"}}}",
                        "not_a_stripe_event"),
                signedBody(
                        "no type",
                        "{\"id\":\"" + REFUSED_EVENT_ID
                                + "\",\"object\":\"event\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"ch_1\"}}}",
                        "missing_event_field"),
                signedBody(
                        "no data.object",
                        "{\"id\":\"" + REFUSED_EVENT_ID
                                + "\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{}}",
                        "missing_event_field"),
                signedBody(
                        "thin without related_object",
                        "{\"id\":\"" + REFUSED_EVENT_ID
                                + "\",\"object\":\"v2.core.event\",\"type\":\"x\",\"livemode\":false}",
                        "missing_event_field"),
                new Refused(
                        "text/plain",
                        415,
                        "unsupported_media_type",
                        "unsupported_media",
                        c -> c.send("/webhooks/stripe", body, valid, "text/plain")),
                new Refused(
                        "form content type",
                        415,
                        "unsupported_media_type",
                        "unsupported_media",
                        c -> c.send("/webhooks/stripe", body, valid, "application/x-www-form-urlencoded")),
                new Refused(
                        "no content type",
                        415,
                        "unsupported_media_type",
                        "unsupported_media",
                        c -> c.send("/webhooks/stripe", body, valid, null)),
                new Refused(
                        "unknown endpoint",
                        404,
                        "unknown_endpoint",
                        "unknown_endpoint",
                        c -> c.send("/webhooks/stripe/" + REFUSED_EVENT_ID, body, valid)),
                new Refused(
                        "trailing slash names no endpoint",
                        404,
                        "unknown_endpoint",
                        "unknown_endpoint",
                        c -> c.send("/webhooks/stripe/", body, valid)),
                new Refused(
                        "nested path names no endpoint",
                        404,
                        "unknown_endpoint",
                        "unknown_endpoint",
                        c -> c.send("/webhooks/stripe/test-only/extra", body, valid)),
                new Refused(
                        "endpoint without secret",
                        400,
                        "endpoint_not_configured",
                        "not_configured",
                        c -> c.send("/webhooks/stripe/unconfigured", body, valid))));
        return cases.stream().map(Arguments::of);
    }

    private static Refused signedBody(String name, String json, String error) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new Refused(
                name,
                400,
                error,
                "malformed",
                c -> c.send("/webhooks/stripe", bytes, StripeWebhookSigner.header(bytes, CURRENT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusesWithAShortJsonReasonAndPublishesNothing(Refused refused) {
        String endpointTag = refused.status() == 404
                ? "_unknown"
                : refused.name().equals("endpoint without secret") ? "unconfigured" : "default";
        double before = count(endpointTag, refused.outcome());

        HttpResponse<String> response = refused.send().apply(client());

        assertThat(response.statusCode()).isEqualTo(refused.status());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .startsWith("{\"error\":\"" + refused.error() + "\",\"message\":\"")
                .doesNotContain(REFUSED_EVENT_ID)
                .doesNotContain("whsec_")
                .doesNotContain("Exception");
        assertThat(count(endpointTag, refused.outcome())).isEqualTo(before + 1);
        assertNeverPublished(REFUSED_EVENT_ID);
    }

    @Test
    void refusesADeclaredOversizeBodyBeforeReadingIt() throws Exception {
        double before = count("default", "too_large");
        try (Socket socket = client().openRaw("""
                        POST /webhooks/stripe HTTP/1.1\r
                        Host: localhost\r
                        Content-Type: application/json\r
                        Stripe-Signature: t=1,v1=00\r
                        Content-Length: 104857600\r
                        \r
                        """, new byte[0])) {
            // nothing of the 100 MB body is sent: the answer must come anyway
            String head = WebhookClient.readResponseHead(socket);
            assertThat(WebhookClient.statusOf(head)).isEqualTo(413);
        }
        assertThat(count("default", "too_large")).isEqualTo(before + 1);
    }

    @Test
    void cutsOffAChunkedBodyAtTheLimit() throws Exception {
        String eventId = TestEvents.newEventId();
        byte[] chunk =
                ("{\"id\":\"" + eventId + "\",\"pad\":\"" + "x".repeat(4000) + "\",").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        for (int sent = 0; sent < 80 * 1024; sent += chunk.length) {
            chunks.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (Socket socket = client().openRaw("""
                        POST /webhooks/stripe HTTP/1.1\r
                        Host: localhost\r
                        Content-Type: application/json\r
                        Stripe-Signature: t=1,v1=00\r
                        Transfer-Encoding: chunked\r
                        \r
                        """, chunks.toByteArray())) {
            // 80 KB of a body that never ends (no last chunk): 413 proves the server stopped reading at 64 KB
            assertThat(WebhookClient.statusOf(WebhookClient.readResponseHead(socket)))
                    .isEqualTo(413);
        }
        assertNeverPublished(eventId);
    }

    @Test
    void refusesRequestsBeyondTheInFlightLimitWithRetryAfter() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                // a declared body of 1000 bytes of which 10 arrive: the request holds its slot while it waits
                stalled.add(client().openRaw("""
                                POST /webhooks/stripe HTTP/1.1\r
                                Host: localhost\r
                                Content-Type: application/json\r
                                Content-Length: 1000\r
                                \r
                                """, "{\"id\":\"ev".getBytes(StandardCharsets.US_ASCII)));
            }
            await().atMost(WAIT).until(() -> inFlight() == 3);

            HttpResponse<String> refused =
                    client().sendSigned(TestEvents.snapshot(TestEvents.newEventId(), "pi_busy"), CURRENT);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).contains("\"error\":\"overloaded\"");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        await().atMost(WAIT).until(() -> inFlight() == 0);
        assertThat(client().sendSigned(TestEvents.snapshot(TestEvents.newEventId(), "pi_free"), CURRENT)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void springsOwnErrorsAreJsonWithoutStackTraces() {
        HttpResponse<String> wrongMethod = client().get("/webhooks/stripe");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).startsWith("{\"error\":\"method_not_allowed\"");

        HttpResponse<String> noSuchPath = client().get("/nothing/here");
        assertThat(noSuchPath.statusCode()).isEqualTo(404);
        assertThat(noSuchPath.body()).startsWith("{\"error\":\"not_found\"");

        String eventId = TestEvents.newEventId();
        byte[] body = TestEvents.snapshot(eventId, "pi_accept");
        HttpResponse<String> pickyClient = client().send(HttpRequest.newBuilder(client().uri("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/plain")
                .header("Stripe-Signature", StripeWebhookSigner.header(body, CURRENT))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertThat(pickyClient.statusCode()).isEqualTo(200);

        HttpResponse<String> pickyRefused = client().send(HttpRequest.newBuilder(client().uri("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertThat(pickyRefused.statusCode()).isEqualTo(400);
    }

    @Test
    void exportsMetricsForPrometheus() {
        client().sendSigned(TestEvents.snapshot(TestEvents.newEventId(), "pi_metrics"), CURRENT);
        client().send("/webhooks/stripe", TestEvents.snapshot(TestEvents.newEventId(), "pi_m"), "t=1,v1=00");

        HttpResponse<String> scrape = client().get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("paystream_ingest_requests_total\\{[^}]*endpoint=\"default\"[^}]*outcome=\"accepted\"")
                .containsPattern(
                        "paystream_ingest_requests_total\\{[^}]*endpoint=\"default\"[^}]*outcome=\"bad_signature\"")
                .containsPattern("paystream_ingest_requests_total\\{[^}]*outcome=\"unavailable\"")
                .contains("paystream_ingest_verification_seconds_count")
                .contains("paystream_ingest_publish_seconds_bucket")
                .contains("paystream_ingest_inflight")
                .containsPattern("paystream_ingest_request_seconds_count\\{[^}]*outcome=\"accepted\"")
                .containsPattern("paystream_ingest_request_seconds_bucket\\{[^}]*outcome=\"bad_signature\"")
                .as("webhooks are timed by the servlet, not by Spring's HTTP observation")
                .doesNotContainPattern(
                        "http_server_requests_seconds_count\\{[^}]*uri=\"(UNKNOWN|[^\"]*webhooks[^\"]*)\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"kafka-publish\"");
    }

    @Test
    void producerWaitsForAllReplicasAndCannotBlockPastThePublishTimeout() {
        Map<String, Object> config = producerFactory.getConfigurationProperties();
        assertThat(config)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L);
    }

    @Test
    void healthReportsKafkaAndReadinessDependsOnIt() {
        HttpResponse<String> health = client().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"kafka\":{\"status\":\"UP\"");

        HttpResponse<String> readiness = client().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\"");
    }

    private double count(String endpoint, String outcome) {
        var counter = meters.find("paystream.ingest.requests")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double inFlight() {
        return meters.get("paystream.ingest.inflight").gauge().value();
    }
}
