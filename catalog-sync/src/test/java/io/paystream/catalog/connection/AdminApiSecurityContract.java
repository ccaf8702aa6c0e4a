package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /api/** needs the admin token; health, metrics and the API description stay open. */
abstract class AdminApiSecurityContract extends ConnectionTestBase {

    @Test
    void anonymousCallsGetAProblemWith401() {
        ConnectionApi.Reply reply = api.get("/api/connections", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.body().path("type").asString()).isEqualTo("https://paystream.io/problems/unauthorized");
    }

    @Test
    void aWrongTokenIsRefusedLikeNoToken() {
        assertThat(api.get("/api/connections", "not-the-token").status()).isEqualTo(401);
        assertThat(api.get("/api/connections", SharedInfrastructure.ADMIN_TOKEN + "x")
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/connections/conn_x", "").status()).isEqualTo(401);
    }

    @Test
    void theAdminTokenOpensTheApi() {
        assertThat(api.get("/api/connections").status()).isEqualTo(200);
    }

    @Test
    void healthMetricsAndTheApiDescriptionStayOpen() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        ConnectionApi.Reply metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("paystream_catalog_connection_outbox_backlog");
        ConnectionApi.Reply docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw().body()).contains("/api/connections/onboarding");
    }
}
