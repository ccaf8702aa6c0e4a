package io.paystream.catalog.connection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The connection admin API over real HTTP, as a client would call it. */
final class ConnectionApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ConnectionApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String problemCode() {
            return body.path("code").asString();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply post(String path, Map<String, ?> body) {
        return send(request(path, SharedInfrastructure.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply postRaw(String path, String body) {
        return send(request(path, SharedInfrastructure.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) {
        return get(path, SharedInfrastructure.ADMIN_TOKEN);
    }

    /** {@code token} null sends no Authorization header. */
    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply patch(String path, Map<String, ?> body) {
        return send(request(path, SharedInfrastructure.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply delete(String path) {
        return send(request(path, SharedInfrastructure.ADMIN_TOKEN).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers()
                    .firstValue("Content-Type")
                    .map(type -> type.contains("json"))
                    .orElse(false);
            JsonNode body =
                    json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Reply(response.statusCode(), body, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
