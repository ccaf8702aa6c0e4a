package io.paystream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.EventShape;
import io.paystream.ingest.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StripeEventParserTest {

    private final StripeEventParser parser = new StripeEventParser();

    @Test
    void readsASnapshotEvent() throws Exception {
        ParsedStripeEvent event =
                parser.parse(TestEvents.snapshot("evt_1", "payment_intent.succeeded", "pi_1", true, "acct_connected"));
        assertThat(event.id().value()).isEqualTo("evt_1");
        assertThat(event.type()).isEqualTo("payment_intent.succeeded");
        assertThat(event.shape()).isEqualTo(EventShape.SNAPSHOT);
        assertThat(event.key()).as("data.object.id, not a nested id").isEqualTo("pi_1");
        assertThat(event.account()).isEqualTo("acct_connected");
        assertThat(event.livemode()).isTrue();
        assertThat(event.apiVersion()).isEqualTo(TestEvents.API_VERSION);
        assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1763830000));
    }

    @Test
    void readsAThinEvent() throws Exception {
        Instant created = Instant.parse("2026-11-22T10:15:30.123Z");
        ParsedStripeEvent event = parser.parse(
                TestEvents.thin("evt_thin", "v1.billing.meter.error_report_triggered", "mtr_1", "acct_ctx", created));
        assertThat(event.shape()).isEqualTo(EventShape.THIN);
        assertThat(event.key()).isEqualTo("mtr_1");
        assertThat(event.account()).isEqualTo("acct_ctx");
        assertThat(event.created()).isEqualTo(created);
        assertThat(event.apiVersion()).isNull();
    }

    @Test
    void keysAnObjectWithoutIdByItsTypeAndAccount() throws Exception {
        byte[] connect = new String(TestEvents.balanceAvailable("evt_bal2"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"type\":\"balance.available\"", "\"type\":\"balance.available\",\"account\":\"acct_9\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(parser.parse(TestEvents.balanceAvailable("evt_bal")).key()).isEqualTo("balance:platform");
        assertThat(parser.parse(connect).key()).isEqualTo("balance:acct_9");
    }

    @Test
    void leavesAnUnreadableCreatedTimeOut() throws Exception {
        String json = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,"
                + "\"created\":\"yesterday\",\"data\":{\"object\":{\"id\":\"o_1\"}}}";
        assertThat(parser.parse(bytes(json)).created()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{\"id\":",
                "{\"id\":\"evt_1\"} trailing",
                "{\"id\":\"evt_1\"}{}",
                "{'id':'evt_1'}",
                "\u0000"
            })
    void refusesInvalidJson(String body) {
        assertRejected(body, Rejection.INVALID_JSON);
    }

    @Test
    void refusesDeepNesting() {
        assertRejected("{\"a\":" + "[".repeat(100_000), Rejection.INVALID_JSON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "\"event\"",
                "42",
                "null",
                "{}",
                "{\"id\":\"ch_1\",\"object\":\"charge\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":[\"event\"],\"type\":\"x\",\"livemode\":false}",
                // Paystream's own record shape: only catalog-sync writes it, straight to Kafka
                "{\"id\":\"fetch_r_in_1\",\"object\":\"paystream.fetched_object\",\"type\":\"invoice.fetched\","
                        + "\"created\":1,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"object\":\"invoice\"}}}"
            })
    void refusesJsonThatIsNotAStripeEvent(String body) {
        assertRejected(body, Rejection.NOT_A_STRIPE_EVENT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":\"false\",\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"amount\":1}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":7}}}",
                "{\"id\":42,\"object\":\"event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}",
                "{\"id\":\"evt_1\",\"object\":\"v2.core.event\",\"type\":\"x\",\"livemode\":false}",
                "{\"id\":\"evt_1\",\"object\":\"v2.core.event\",\"type\":\"x\",\"livemode\":false,\"related_object\":null}",
                "{\"id\":\"evt_1\",\"object\":\"v2.core.event\",\"type\":\"x\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"o\"}}}"
            })
    void refusesEventsWithoutTheFieldsItRoutesBy(String body) {
        assertRejected(body, Rejection.MISSING_EVENT_FIELD);
    }

    @Test
    void decodesEscapesInTheFieldsItReads() throws Exception {
        String json = "{\"id\":\"evt_\\u00e9\\\"q\\\\\",\"object\":\"event\",\"type\":\"a\\/b\","
                + "\"livemode\":true,\"created\":-1,\"data\":{\"previous_attributes\":{\"x\":[1.5e-3,null,{}]},"
                + "\"object\":{\"meta\":{\"id\":\"not this\"},\"id\":\"o_\\t1\"}}}";

        ParsedStripeEvent event = parser.parse(bytes(json));

        assertThat(event.id().value()).isEqualTo("evt_\u00e9\"q\\");
        assertThat(event.type()).isEqualTo("a/b");
        assertThat(event.key()).isEqualTo("o_\t1");
        assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(-1));
    }

    /** Valid JSON or not, the parser judges every document as Jackson's default parser does. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\":{\"object\":{\"id\":\"o\"},\"n\":[0,-0,1.25,-3e+7,2E-2,1e5]}}",
                "{\"data\":{\"n\":01}}",
                "{\"data\":{\"n\":1.}}",
                "{\"data\":{\"n\":.5}}",
                "{\"data\":{\"n\":-}}",
                "{\"data\":{\"n\":+1}}",
                "{\"data\":{\"n\":1e}}",
                "{\"data\":{\"n\":NaN}}",
                "{\"data\":{\"s\":\"\\x\"}}",
                "{\"data\":{\"s\":\"\\u12G4\"}}",
                "{\"data\":{\"s\":\"tab\there\"}}",
                "{\"data\":{\"s\":\"open}}",
                "{\"data\":{\"a\":1,}}",
                "{\"data\":[1,2,]}",
                "{\"data\":{\"a\" 1}}",
                "{\"data\":{\"a\":tru}}",
                "{\"data\":{\"a\":True}}",
                "{\"data\":{\"a\":nul}}",
                "{\"data\":{\"a\":[true,false,null]}}",
                "{\"data\":{a:1}}",
                "{\"data\":{\"a\":1}} x",
                " \n{\"id\":\"evt\"}\t ",
                "{\"id\":\"evt\",}",
                "{,\"id\":\"evt\"}",
                "{\"data\":{\"object\":{\"id\":\"o\"}},\"data\":[]}",
                "[1,{\"a\":[]}]",
                "[1 2]",
                "\"text",
                "-12",
                "true false"
            })
    void judgesValidityAsJacksonDoes(String body) {
        boolean jacksonReadsIt;
        try {
            JsonMapper.builder().build().readTree(body);
            jacksonReadsIt = true;
        } catch (JacksonException e) {
            jacksonReadsIt = false;
        }

        Rejection verdict;
        try {
            parser.parse(bytes(body));
            verdict = null;
        } catch (MalformedEventException e) {
            verdict = e.rejection();
        }

        assertThat(verdict == Rejection.INVALID_JSON).as(body).isEqualTo(!jacksonReadsIt);
    }

    @Test
    void nestingUpToJacksonsLimitIsReadAndDeeperIsNot() {
        String within =
                "{\"data\":" + "[".repeat(JsonCursor.MAX_DEPTH - 1) + "]".repeat(JsonCursor.MAX_DEPTH - 1) + "}";
        String beyond = "{\"data\":" + "[".repeat(JsonCursor.MAX_DEPTH) + "]".repeat(JsonCursor.MAX_DEPTH) + "}";

        assertRejected(within, Rejection.NOT_A_STRIPE_EVENT);
        assertRejected(beyond, Rejection.INVALID_JSON);
    }

    private void assertRejected(String body, Rejection rejection) {
        assertThatThrownBy(() -> parser.parse(bytes(body)))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.rejection())
                        .isEqualTo(rejection));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
