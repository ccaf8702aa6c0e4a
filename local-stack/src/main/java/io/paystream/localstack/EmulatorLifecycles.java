package io.paystream.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code send <lifecycle>} on a stack with the emulator: the emulator plays the lifecycle
 * ({@code POST /_emulator/lifecycles/<name>}), storing each object and event, and delivers the signed webhooks
 * itself, so what the ingest receives, what the Events API lists and what a backfill reads agree, as at Stripe.
 */
final class EmulatorLifecycles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    EmulatorLifecycles(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** True when the emulator answers its health check: the stack runs it (not against Stripe itself). */
    boolean reachable() {
        try {
            HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Plays the lifecycle once on the platform's test account; prints one line per event. Returns the events. */
    int enact(String lifecycle, PrintStream out) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/lifecycles/"
                        + URLEncoder.encode(lifecycle, StandardCharsets.UTF_8) + "?livemode=false"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the emulator answered " + answer.statusCode() + ": " + answer.body());
        }
        int events = 0;
        for (JsonNode event : JSON.readTree(answer.body()).path("data")) {
            out.printf(
                    "emulated  %-40s %s  key %s%n",
                    event.path("type").asString(""),
                    event.path("id").asString(""),
                    event.path("object_id").asString(""));
            events++;
        }
        return events;
    }
}
