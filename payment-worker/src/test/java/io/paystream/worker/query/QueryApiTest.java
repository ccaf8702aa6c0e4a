package io.paystream.worker.query;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.worker.apply.StripeEventApplier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worker application on a random port, its Kafka listener not started: state is written by the real engine
 * ({@link StripeEventApplier}) from the Stripe fixtures, then read back over HTTP. The outbox sweeper would try to
 * publish the engine's domain events to a broker that is not there, so its minimum age is set beyond any test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "paystream.worker.outbox.min-age=3650d",
            "spring.jmx.enabled=false"
        })
abstract class QueryApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StripeEventApplier applier;

    static String newRunId() {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Applies a lifecycle's events in Stripe's order through the engine; returns them. */
    List<FixtureEvent> deliver(String lifecycle, String runId) {
        return deliver(lifecycle, runId, Integer.MAX_VALUE, false, null);
    }

    /**
     * @param first how many of the lifecycle's events to apply
     * @param live rewrite the events to live mode
     * @param account rewrite the events to belong to this connected account; null keeps the fixture's
     */
    List<FixtureEvent> deliver(String lifecycle, String runId, int first, boolean live, String account) {
        List<FixtureEvent> events = StripeFixtures.lifecycle(lifecycle, runId);
        events = events.subList(0, Math.min(first, events.size()));
        for (FixtureEvent event : events) {
            applier.apply(null, rewrite(event.body(), live, account));
        }
        return events;
    }

    private static byte[] rewrite(byte[] body, boolean live, String account) {
        if (!live && account == null) {
            return body;
        }
        ObjectNode event = (ObjectNode) JSON.readTree(body);
        if (account != null) {
            event.put("account", account);
        }
        String text = JSON.writeValueAsString(event);
        if (live) {
            text = text.replace("\"livemode\":false", "\"livemode\":true");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Answer get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    Answer get(String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", accept)
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer: status, content type, raw body and its JSON. */
    record Answer(int status, String contentType, String text, JsonNode json) {}
}
