package io.paystream.events.fetched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.events.Schemas;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventMetadata;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FetchedObjectTest {

    private static final String INVOICE = "{\"id\":\"in_1\",\"object\":\"invoice\",\"status\":\"paid\","
            + "\"amount_paid\":1200,\"lines\":{\"object\":\"list\",\"data\":[]},\"note\":\"caf\\u00e9 \u00e9\"}";
    private static final Instant FETCHED_AT = Instant.parse("2026-12-07T13:00:05.123456Z");

    private final FetchedObject invoice =
            FetchedObject.of(INVOICE, "acct_1", false, FETCHED_AT, EventSource.BACKFILL, "run_7", "run_7");

    private static JsonSchema schema(String location) throws Exception {
        try (InputStream in = Schemas.open(location)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void valueIsShapedLikeASnapshotEventAroundTheObjectAsStripeSentIt() throws Exception {
        String value = new String(invoice.toValue(), StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(value);

        assertThat(schema(Schemas.STRIPE_FETCHED_OBJECT_V1).validate(value, InputFormat.JSON))
                .isEmpty();
        assertThat(json.path("id").asString()).isEqualTo("fetch_run_7_in_1");
        assertThat(json.path("object").asString()).isEqualTo("paystream.fetched_object");
        assertThat(EventShape.fromObjectField(json.path("object").asString())).isEqualTo(EventShape.FETCHED);
        assertThat(json.path("type").asString()).isEqualTo("invoice.fetched");
        assertThat(json.path("created").asLong()).isEqualTo(FETCHED_AT.getEpochSecond());
        assertThat(json.path("fetched_at").asString()).isEqualTo("2026-12-07T13:00:05.123Z");
        assertThat(json.path("account").asString()).isEqualTo("acct_1");
        assertThat(json.path("source").asString()).isEqualTo("backfill");
        assertThat(value).endsWith(",\"data\":{\"object\":" + INVOICE + "}}");
    }

    @Test
    void stringsOfTheEnvelopeAreEscapedAndAListedObjectIsTheSameAsAParsedOne() throws Exception {
        String run = "run \"7\" \\ caf\u00e9\n";
        FetchedObject parsed = FetchedObject.of(INVOICE, null, true, FETCHED_AT, EventSource.BACKFILL, "s", run);
        FetchedObject listed = FetchedObject.listed(
                INVOICE, "invoice", "in_1", null, true, FETCHED_AT, EventSource.BACKFILL, "s", run);

        JsonNode json = JsonMapper.builder().build().readTree(parsed.toValue());
        assertThat(json.path("run").asString()).isEqualTo(run);
        assertThat(json.has("account")).isFalse();
        assertThat(json.path("livemode").asBoolean()).isTrue();
        assertThat(json.path("data").path("object").path("note").asString()).isEqualTo("caf\u00e9 \u00e9");
        assertThat(listed).isEqualTo(parsed);
        assertThat(listed.toValue()).isEqualTo(parsed.toValue());
    }

    @Test
    void headersAreAnEventsWithSourceAndRun() throws Exception {
        Map<String, String> headers = invoice.headers("tenant-a");
        String json = JsonMapper.builder().build().writeValueAsString(headers);

        assertThat(schema(Schemas.STRIPE_EVENT_HEADERS_V1).validate(json, InputFormat.JSON))
                .isEmpty();
        StripeEventMetadata metadata = StripeEventMetadata.fromHeaders(headers::get);
        assertThat(metadata.eventId()).isEqualTo(invoice.id());
        assertThat(metadata.type()).isEqualTo("invoice.fetched");
        assertThat(metadata.shape()).isEqualTo(EventShape.FETCHED);
        assertThat(metadata.account()).isEqualTo("acct_1");
        assertThat(metadata.created()).isEqualTo(Instant.parse("2026-12-07T13:00:05Z"));
        assertThat(metadata.receivedAt()).isEqualTo(FETCHED_AT);
        assertThat(metadata.tenant()).isEqualTo("tenant-a");
        assertThat(EventSource.fromHeaders(headers::get)).isEqualTo(EventSource.BACKFILL);
        assertThat(headers).containsEntry(StripeEventHeaders.RUN_ID, "run_7");
    }

    @Test
    void keyIsTheObjectIdOrForTheBalanceTheObjectAndAccount() {
        String balance = "{\"object\":\"balance\",\"available\":[]}";

        assertThat(invoice.key()).isEqualTo("in_1");
        assertThat(FetchedObject.of(balance, "acct_1", true, FETCHED_AT, EventSource.BACKFILL, "r", "r")
                        .key())
                .isEqualTo("balance:acct_1");
        assertThat(FetchedObject.of(balance, null, true, FETCHED_AT, EventSource.BACKFILL, "r", "r")
                        .key())
                .isEqualTo("balance:platform");
    }

    @Test
    void webhooksHaveNoSourceHeaderAndAnUnknownSourceIsMalformed() {
        assertThat(EventSource.fromHeaders(name -> null)).isEqualTo(EventSource.WEBHOOK);
        assertThat(EventSource.fromHeaders(name -> name.equals(StripeEventHeaders.SOURCE) ? "reconciliation" : null))
                .isEqualTo(EventSource.RECONCILIATION);
        assertThatThrownBy(() -> EventSource.fromHeaders(name -> "carrier-pigeon"))
                .isInstanceOf(MalformedEventHeadersException.class);
    }

    @Test
    void refusesWhatIsNotAStripeObjectAndSourcesThatDoNotFetch() {
        assertThatThrownBy(() ->
                        FetchedObject.of("{\"id\":\"x\"}", null, false, FETCHED_AT, EventSource.BACKFILL, "r", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchedObject.of(INVOICE, null, false, FETCHED_AT, EventSource.WEBHOOK, "r", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
