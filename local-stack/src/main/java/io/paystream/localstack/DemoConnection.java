package io.paystream.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a platform's customer does when they paste their Stripe keys: the local stack connects the emulator's demo shop
 * account through catalog-sync's {@code POST /api/connections}, so the key validation, the webhook endpoint created on
 * the account and the ingest accepting that endpoint without a restart all run on every {@code up}. The data folder
 * is kept between runs, so a second {@code up} finds the shop already connected and reuses that connection.
 */
final class DemoConnection {

    /** The demo shop's keys: the emulator derives them from its fixed id (StackSettingsTest checks them). */
    static final String SHOP_ACCOUNT = "acct_1DemoShopPaystrm";

    static final String SHOP_SECRET_KEY =
            "sk_test_51DemoShopPaystrmCWduHn3cxVR7hY7t9kNkLwmupXV41YhqRe9KxmNXGCsLjJW8QW3Yz4Wcmec0ICbU";
    static final String SHOP_PUBLISHABLE_KEY =
            "pk_test_51DemoShopPaystrm6Uh9ilI12SZ41MeDRdLX1Ce3PqpEGrIb3b1BCJJP8DZ4gn1swSwX0d3OTXxLG2x4";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param connectionId the connection's id, null when it could not be made
     * @param outcome what the summary prints about it
     */
    record Result(@Nullable String connectionId, String outcome) {}

    private DemoConnection() {}

    static Result connect(StackSettings settings) {
        String body = "{\"publishableKey\":\"" + SHOP_PUBLISHABLE_KEY + "\",\"secretKey\":\"" + SHOP_SECRET_KEY
                + "\",\"currency\":\"usd\",\"mode\":\"test\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.catalogPort() + "/api/connections"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + StackSettings.DEV_ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() == 201) {
                return new Result(answer.path("id").asString(), "connected");
            }
            if (response.statusCode() == 409 && answer.hasNonNull("connectionId")) {
                return new Result(answer.path("connectionId").asString(), "connected (from an earlier run)");
            }
            return new Result(
                    null,
                    "not connected: HTTP " + response.statusCode() + " "
                            + answer.path("detail").asString(""));
        } catch (IOException | RuntimeException e) {
            return new Result(null, "not connected: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "not connected: interrupted");
        }
    }
}
