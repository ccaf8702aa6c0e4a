package io.paystream.catalog.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paystream.catalog.CatalogApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** {@code /api/backfill} over HTTP with the admin token, as an operator calls it. */
final class BackfillApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CatalogApiClient api;
    private final String base;

    BackfillApi(int port) {
        this.api = new CatalogApiClient(port);
        this.base = "http://127.0.0.1:" + port;
    }

    CatalogApiClient catalog() {
        return api;
    }

    /** Starts a backfill and returns its run id. */
    String start(String query) {
        HttpResponse<String> response = api.post("/api/backfill" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String runId = CatalogApiClient.json(response).get("runId").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/backfill/" + runId);
        return runId;
    }

    JsonNode run(String runId) {
        HttpResponse<String> response = api.get("/api/backfill/" + runId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CatalogApiClient.json(response);
    }

    /** Waits until the run is no longer running, then returns it. */
    JsonNode awaitRun(String runId, Duration timeout) {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                run.set(run(runId));
                return !"running".equals(run.get().get("status").asString());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("backfill still running after " + timeout + ": " + run.get(), e);
        }
        return run.get();
    }

    JsonNode backfill(String query) {
        return awaitRun(start(query), Duration.ofSeconds(90));
    }

    /** The run's one target's entry for {@code type}. */
    static JsonNode type(JsonNode run, String type) {
        for (JsonNode entry : run.get("targets").get(0).get("types")) {
            if (entry.get("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no type " + type + " in " + run);
    }

    HttpResponse<String> postJson(String path, String json) {
        return sendJson("POST", path, json);
    }

    HttpResponse<String> patchJson(String path, String json) {
        return sendJson("PATCH", path, json);
    }

    private HttpResponse<String> sendJson(String method, String path, String json) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + CatalogApiClient.ADMIN_TOKEN)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
