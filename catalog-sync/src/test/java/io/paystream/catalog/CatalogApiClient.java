package io.paystream.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog API over HTTP, as an operator or a client calls it, with the admin bearer token. */
public final class CatalogApiClient {

    /** The admin token tests configure ({@code paystream.security.admin-token}) and send. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public CatalogApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    public HttpResponse<String> post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Starts a manual sync (all targets when {@code query} is empty) and returns its run id. */
    public String startSync(String query) {
        HttpResponse<String> response = post("/api/catalog/sync" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return json(response).get("runId").asString();
    }

    /** Waits until the run is no longer running, then returns it. */
    public JsonNode awaitRun(String runId, Duration timeout) {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                HttpResponse<String> response = get("/api/catalog/sync/" + runId);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                run.set(json(response));
                return !"running".equals(run.get().get("status").asString());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("run still running after " + timeout + ": " + run.get(), e);
        }
        return run.get();
    }

    /** Syncs one account and waits for the outcome. */
    public JsonNode sync(String account) {
        return awaitRun(startSync("?account=" + account), Duration.ofSeconds(60));
    }

    /** Every product of a list, following cursors with pages of 100. */
    public List<JsonNode> allProducts(String query) {
        List<JsonNode> products = new ArrayList<>();
        String cursor = null;
        do {
            String page = "/api/catalog/products?limit=100&" + query + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            body.get("data").forEach(products::add);
            cursor = body.get("hasMore").asBoolean() ? body.get("nextCursor").asString() : null;
        } while (cursor != null);
        return products;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
