package io.paystream.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way a service's API fails, answered as one scheme: status, {@code type}, {@code title}, {@code detail},
 * {@code code}, {@code retryable}, {@code Retry-After}; and never the exception's message, a secret or a stack trace.
 */
@WebMvcTest(controllers = {ThingController.class, KeptTitlesController.class})
class ProblemDetailsAdviceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ThingProblems advice;

    @BeforeEach
    void forgetEarlierAnswers() {
        advice.answered.clear();
    }

    @Test
    void aConstraintOnAParameterIsAnInvalidRequestNamingItAndItsRule() {
        Answer answer = get("/things/TH-1");

        answer.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(answer.json().path("detail").asString()).startsWith("id: must match");
        assertThat(answer.json().path("errors").path("id").asString()).startsWith("must match");
        assertThat(answer.json().path("instance").asString()).isEqualTo("/things/TH-1");
        assertThat(advice.answered).containsExactly("invalid-request");
    }

    @Test
    void aValueThatCannotBeConvertedIsNamedWithItsTypeButNeverQuoted() {
        Answer mistyped = get("/things?limit=" + ThingController.SECRET);
        mistyped.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(mistyped.json().path("errors").path("limit").asString()).isEqualTo("must be a valid int");
        assertThat(mistyped.json().path("detail").asString()).isEqualTo("limit: must be a valid int");

        Answer objectField = get("/things?livemode=" + ThingController.SECRET);
        objectField.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(objectField.json().path("errors").path("livemode").asString())
                .isEqualTo("must be a valid boolean");
    }

    @Test
    void aParameterObjectsFieldsAreNamedLikeParametersOfTheirOwn() {
        Answer answer = get("/things?limit=0&after=bad");

        answer.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(answer.json().path("errors").propertyNames()).containsExactlyInAnyOrder("after", "limit");
    }

    @Test
    void aMissingParameterIsRequired() {
        Answer answer = get("/things/search");

        answer.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(answer.json().path("errors").path("name").asString()).isEqualTo("is required");
    }

    @Test
    void aBodyThatIsNotJsonIsNeverQuoted() {
        Answer answer = post("{\"name\": \"" + ThingController.SECRET + "\", size: oops");

        answer.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(answer.json().path("errors").path("body").asString())
                .isEqualTo("must be a JSON object with the documented fields");
    }

    @Test
    void eachInvalidFieldOfABodyIsNamed() {
        Answer answer = post("{\"name\": \" \", \"size\": 0}");

        answer.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(answer.json().path("errors").propertyNames()).containsExactlyInAnyOrder("name", "size");
    }

    @Test
    void problemsTheApiRaisesKeepTheirTypeTitleDetailAndProperties() {
        Answer notFound = get("/things/th_missing");
        notFound.assertProblem(404, "not-found", "Thing not found", false);
        assertThat(notFound.json().path("detail").asString()).isEqualTo("no thing th_missing");

        Answer badCursor = get("/things/by-cursor?cursor=x");
        badCursor.assertProblem(400, "invalid-request", "Invalid request", false);
        assertThat(badCursor.json().path("detail").asString())
                .isEqualTo("cursor: malformed; pass nextCursor exactly as received");

        Answer exists = post("{\"name\": \"taken\", \"size\": 1}");
        exists.assertProblem(409, "thing-exists", "Thing already exists", false);
        assertThat(exists.json().path("existing").asString()).isEqualTo("th_1");

        assertThat(advice.answered).containsExactly("not-found", "invalid-request", "thing-exists");
    }

    @Test
    void mongoDbUnavailableIsA503WithRetryAfterNeverA500() {
        for (String path : List.of("/things/failures/mongo", "/things/failures/data-access")) {
            Answer answer = get(path);

            answer.assertProblem(503, "store-unavailable", "Store unavailable", true);
            assertThat(answer.json().path("detail").asString())
                    .isEqualTo("The store is unavailable; try again shortly.");
        }
        assertThat(advice.answered).containsExactly("store-unavailable", "store-unavailable");
    }

    @Test
    void kafkaUnavailableIsA503WithRetryAfterNeverA500() {
        for (String path :
                List.of("/things/failures/outbox", "/things/failures/kafka", "/things/failures/spring-kafka")) {
            Answer answer = get(path);

            answer.assertProblem(503, "event-bus-unavailable", "Event bus unavailable", true);
            assertThat(answer.json().path("detail").asString())
                    .isEqualTo("Kafka did not acknowledge in time; try again shortly.");
        }
    }

    @Test
    void aRetryableProblemOfTheServiceCarriesRetryAfter() {
        Answer answer = get("/things/failures/warehouse");

        answer.assertProblem(503, "warehouse-unreachable", "Warehouse unreachable", true);
    }

    @Test
    void problemsAreProblemJsonWhateverTheClientAccepts() {
        for (String accept : List.of("application/json", "*/*", "application/json, application/problem+json")) {
            MvcTestResult result =
                    mvc.get().uri("/things/th_missing").header("Accept", accept).exchange();
            assertThat(result).hasStatus(404);
            assertThat(result.getResponse().getContentType()).as(accept).startsWith("application/problem+json");
        }
    }

    @Test
    void aServiceKeepsTheTitlesAndWordingItsClientsKnowUnderTheCommonTypes() {
        Answer mistyped = get("/kept/many");
        mistyped.assertProblem(400, "invalid-request", "Invalid request parameter", false);
        assertThat(mistyped.json().path("errors").path("count").asString()).isEqualTo("must be a valid integer");

        Answer store = get("/kept/store");
        store.assertProblem(503, "store-unavailable", "State store unavailable", true);
        assertThat(store.json().path("detail").asString())
                .isEqualTo("the payment state store is unavailable; retry later");
        assertThat(store.body()).doesNotContain("db.internal");
        assertThat(advice.answered)
                .as("each API's advice answers its own controllers")
                .isEmpty();
    }

    private Answer get(String path) {
        return new Answer(mvc.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange());
    }

    private Answer post(String body) {
        return new Answer(mvc.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange());
    }

    private record Answer(MvcTestResult result) {

        String body() {
            try {
                return result.getResponse().getContentAsString();
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        void assertProblem(int status, String code, String title, boolean retryable) {
            assertThat(result).hasStatus(status);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            JsonNode json = json();
            assertThat(json.path("type").asString()).isEqualTo("https://paystream.io/problems/" + code);
            assertThat(json.path("code").asString()).isEqualTo(code);
            assertThat(json.path("title").asString()).isEqualTo(title);
            assertThat(json.path("status").asInt()).isEqualTo(status);
            assertThat(json.path("retryable").asBoolean()).isEqualTo(retryable);
            assertThat(json.path("detail").asString()).isNotBlank();
            if (retryable) {
                assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
            } else {
                assertThat(result.getResponse().getHeader("Retry-After")).isNull();
            }
            assertThat(body())
                    .doesNotContain(ThingController.SECRET, "Exception", "hunter", "at io.", "at org.", "trace");
        }
    }
}
