package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * Every bad request is an RFC 9457 problem in service-support's scheme ({@code type}
 * {@code https://paystream.io/problems/<code>}, {@code code}, {@code retryable}) with the titles the query API always
 * had: 404 for ids nothing is stored under, 400 for malformed parameters.
 */
@Import(EmbeddedMongoTestConfiguration.class)
class QueryProblemsTest extends QueryApiTest {

    @Test
    void unknownIdsAreNotFoundProblems() {
        String run = newRunId();
        for (String path : List.of(
                "/api/payments/pi_" + run,
                "/api/subscriptions/sub_" + run,
                "/api/invoices/in_" + run,
                "/api/customers/cus_" + run,
                "/api/accounts/acct_" + run + "/onboarding",
                "/api/balances/acct_" + run,
                "/api/balances/platform?livemode=true")) {
            Answer answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().path("status").asInt()).isEqualTo(404);
            assertThat(answer.json().path("title").asString()).endsWith("not found");
            assertThat(answer.json().path("instance").asString()).isEqualTo(path.replaceAll("\\?.*", ""));
            assertThat(answer.json().path("type").asString()).isEqualTo("https://paystream.io/problems/not-found");
            assertThat(answer.json().path("code").asString()).isEqualTo("not-found");
            assertThat(answer.json().path("retryable").asBoolean()).isFalse();
        }
    }

    @Test
    void malformedParametersAreBadRequestProblemsNamingTheParameter() {
        record Case(String path, String parameter) {}
        for (Case bad : List.of(
                new Case("/api/payments/ch_123", "id"),
                new Case("/api/customers/cus_$where", "id"),
                new Case("/api/accounts/cus_123/onboarding", "id"),
                new Case("/api/balances/acct-1", "account"),
                new Case("/api/payments?status=refunded", "status"),
                new Case("/api/payments?account=someone", "account"),
                new Case("/api/payments?customer=sub_1", "customer"),
                new Case("/api/payments?livemode=maybe", "livemode"),
                new Case("/api/subscriptions?status=ended", "status"),
                new Case("/api/invoices?subscription=in_1", "subscription"),
                new Case("/api/payouts?status=lost", "status"),
                new Case("/api/balances/platform?livemode=2", "livemode"))) {
            Answer answer = get(bad.path());
            assertThat(answer.status()).as(bad.path()).isEqualTo(400);
            assertThat(answer.contentType()).as(bad.path()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asString()).as(bad.path()).startsWith(bad.parameter() + ":");
            assertThat(answer.json().path("errors").has(bad.parameter()))
                    .as(bad.path())
                    .isTrue();
            assertThat(answer.text()).doesNotContain("Exception", "at io.", "at org.");
            assertThat(answer.json().path("title").asString()).isEqualTo("Invalid request parameter");
            assertThat(answer.json().path("type").asString())
                    .isEqualTo("https://paystream.io/problems/invalid-request");
            assertThat(answer.json().path("code").asString()).isEqualTo("invalid-request");
            assertThat(answer.json().path("retryable").asBoolean()).isFalse();
        }
    }

    @Test
    void aCursorThatWasNotIssuedIsAnInvalidRequestParameter() {
        Answer answer = get("/api/payments?cursor=bm90LWEtY3Vyc29y");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("title").asString()).isEqualTo("Invalid request parameter");
        assertThat(answer.json().path("code").asString()).isEqualTo("invalid-request");
        assertThat(answer.json().path("detail").asString()).startsWith("cursor: the cursor is malformed");
        assertThat(answer.json().path("errors").has("cursor")).isTrue();
    }

    @Test
    void problemsAreProblemJsonWhateverTheClientAccepts() {
        for (String accept : List.of("application/json", "*/*", "application/json, application/problem+json")) {
            Answer answer = get("/api/payments/pi_unknown", accept);
            assertThat(answer.status()).as(accept).isEqualTo(404);
            assertThat(answer.contentType()).as(accept).startsWith("application/problem+json");
        }
    }
}
