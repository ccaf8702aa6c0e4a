package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.AuthenticationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private static StripeEmulator emulator;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void anUnknownKeyIsA401WithStripesBodyAndAMaskedKey() throws Exception {
        String unknown = "sk_test_51NotAKeyTheEmulatorIssuedabcd";
        HttpResponse<String> response = get("/v1/products", "Bearer " + unknown);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"message\":\"Invalid API Key provided: sk_test_****abcd\","
                        + "\"type\":\"invalid_request_error\"}}");
        assertThatThrownBy(
                        () -> Clients.forKey(emulator, unknown).v1().products().list())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("sk_test_****abcd").doesNotContain(unknown);
                });
    }

    @Test
    void aRevokedKeyHasExpired() {
        EmulatedAccount account = emulator.createAccount(AccountSpec.activeStandalone());
        emulator.revokeKey(account.testSecretKey());

        assertThatThrownBy(() -> Clients.forKey(emulator, account.testSecretKey())
                        .v1()
                        .products()
                        .list())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getCode()).isEqualTo("api_key_expired");
                    assertThat(e.getMessage()).doesNotContain(account.testSecretKey());
                });
    }

    @Test
    void aPublishableKeyAuthenticatesNothing() {
        EmulatedAccount platform = emulator.platformAccount();

        assertThatThrownBy(() -> Clients.forKey(emulator, platform.testPublishableKey())
                        .v1()
                        .products()
                        .list())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getMessage())
                        .contains("publishable API key"));
    }

    @Test
    void aMissingKeyIsA401() throws Exception {
        HttpResponse<String> response = get("/v1/products", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("You did not provide an API key");
    }

    @Test
    void basicAuthWithTheKeyAsUserAndRestrictedKeysWork() throws Exception {
        EmulatedAccount platform = emulator.platformAccount();
        String basic =
                Base64.getEncoder().encodeToString((platform.testSecretKey() + ":").getBytes(StandardCharsets.UTF_8));

        assertThat(get("/v1/account", "Basic " + basic).statusCode()).isEqualTo(200);
        assertThat(Clients.forKey(emulator, platform.liveRestrictedKey())
                        .v1()
                        .accounts()
                        .retrieveCurrent()
                        .getId())
                .isEqualTo(platform.id());
    }

    @Test
    void platformKeysAreDerivedFromTheFixedPlatformId() {
        try (StripeEmulator other = StripeEmulator.start(EmulatorSettings.defaults())) {
            assertThat(other.platformAccount()).isEqualTo(emulator.platformAccount());
            assertThat(other.platformAccount().id()).isEqualTo(StripeEmulator.PLATFORM_ACCOUNT_ID);
            assertThat(other.platformAccount().testSecretKey())
                    .as("the key the README and local stack print")
                    .isEqualTo(
                            "sk_test_51PlatformPaystrmwRDgh6H8ukH583rfoFPCGXeKgSiULl4VX202zZWkhphgoJEUTGxnA78YBU8LhKfG");
            assertThat(other.platformAccount().livePublishableKey()).startsWith("pk_live_");
            assertThat(other.platformAccount().testRestrictedKey()).startsWith("rk_test_");
        }
    }

    @Test
    void unknownUrlsAndUnknownParametersAreStripes400And404() throws Exception {
        String key = "Bearer " + emulator.platformAccount().testSecretKey();

        HttpResponse<String> unknownUrl = get("/v1/nothing_here", key);
        assertThat(unknownUrl.statusCode()).isEqualTo(404);
        assertThat(unknownUrl.body()).contains("Unrecognized request URL (GET: /v1/nothing_here)");

        HttpResponse<String> unknownParam = get("/v1/products?colour=red", key);
        assertThat(unknownParam.statusCode()).isEqualTo(400);
        assertThat(unknownParam.body()).contains("\"param\":\"colour\"").contains("parameter_unknown");

        HttpResponse<String> badInteger = get("/v1/products?limit=ten", key);
        assertThat(badInteger.statusCode()).isEqualTo(400);
        assertThat(badInteger.body()).contains("\"param\":\"limit\"");
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
