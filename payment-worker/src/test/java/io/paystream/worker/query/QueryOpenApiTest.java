package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** {@code /v3/api-docs} documents every query endpoint: summaries, described parameters and responses. */
@Import(EmbeddedMongoTestConfiguration.class)
class QueryOpenApiTest extends QueryApiTest {

    private static final Map<String, Set<String>> RESPONSES = Map.of(
            "/api/payments/{id}", Set.of("200", "400", "404"),
            "/api/payments", Set.of("200", "400"),
            "/api/subscriptions/{id}", Set.of("200", "400", "404"),
            "/api/subscriptions", Set.of("200", "400"),
            "/api/invoices/{id}", Set.of("200", "400", "404"),
            "/api/invoices", Set.of("200", "400"),
            "/api/payouts", Set.of("200", "400"),
            "/api/balances/{account}", Set.of("200", "400", "404"),
            "/api/accounts/{id}/onboarding", Set.of("200", "400", "404"),
            "/api/customers/{id}", Set.of("200", "400", "404"));

    @Test
    void everyQueryEndpointIsDocumented() {
        Answer answer = get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().path("paths");
        assertThat(paths.propertyNames()).containsAll(RESPONSES.keySet());

        RESPONSES.forEach((path, codes) -> {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("summary").asString()).as(path).isNotBlank();
            assertThat(get.path("parameters").size()).as(path).isPositive();
            get.path("parameters").forEach(parameter -> assertThat(
                            parameter.path("description").asString())
                    .as(path + " " + parameter.path("name").asString())
                    .isNotBlank());
            assertThat(get.path("responses").propertyNames()).as(path).containsAll(codes);
            get.path("responses").properties().forEach(response -> assertThat(
                            response.getValue().path("description").asString())
                    .as(path + " " + response.getKey())
                    .isNotBlank());
            assertThat(get.path("responses").path("200").path("content").has("application/json"))
                    .as(path)
                    .isTrue();
            codes.stream().filter(code -> !code.equals("200")).forEach(code -> assertThat(
                            get.path("responses").path(code).path("content").has("application/problem+json"))
                    .as(path + " " + code)
                    .isTrue());
        });
        JsonNode listParameters = paths.path("/api/payments").path("get").path("parameters");
        assertThat(QueryApiContract.texts(listParameters, "name"))
                .contains("livemode", "account", "customer", "status", "limit", "cursor");
        JsonNode schemas = answer.json().path("components").path("schemas");
        assertThat(schemas.path("Payment").path("properties").has("refunds")).isTrue();
        assertThat(schemas.path("Payment")
                        .path("properties")
                        .path("receiptUrl")
                        .path("description")
                        .asString())
                .isNotBlank();
    }
}
