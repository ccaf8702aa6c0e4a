package io.paystream.worker.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MongoDB failing under a query is the service's outage, not the client's mistake: 503 {@code store-unavailable},
 * retryable, with {@code Retry-After} and the title the query API always had, never a 500 or the driver's message
 * (it names hosts).
 */
@WebMvcTest(CustomerQueryController.class)
class StoreUnavailableProblemTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CustomerQueries queries;

    @Test
    void aQueryThatCannotReachMongoIsAServiceUnavailableProblemToRetry() {
        when(queries.byId(anyString()))
                .thenThrow(new MongoTimeoutException("timed out reaching mongo-7.internal:27017"));

        MvcTestResult answer = mvc.get().uri("/api/customers/cus_1").exchange();

        assertThat(answer).hasStatus(503).hasHeader("Retry-After", "5");
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem =
                JsonMapper.builder().build().readTree(answer.getResponse().getContentAsByteArray());
        assertThat(problem.path("title").asString()).isEqualTo("State store unavailable");
        assertThat(problem.path("type").asString()).isEqualTo("https://paystream.io/problems/store-unavailable");
        assertThat(problem.path("code").asString()).isEqualTo("store-unavailable");
        assertThat(problem.path("retryable").asBoolean()).isTrue();
        assertThat(problem.path("detail").asString()).isEqualTo("the payment state store is unavailable; retry later");
        assertThat(problem.toString()).doesNotContain("mongo-7.internal", "Exception");
    }
}
