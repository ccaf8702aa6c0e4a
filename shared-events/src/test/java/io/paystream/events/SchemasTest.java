package io.paystream.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemasTest {

    private static JsonSchema schema(String location) throws Exception {
        try (InputStream in = Schemas.open(location)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String location, String json) throws Exception {
        return schema(location).validate(json, com.networknt.schema.InputFormat.JSON);
    }

    @Test
    void snapshotAndThinEventsMatchTheEventSchema() throws Exception {
        String snapshot = """
                {"id":"evt_1","object":"event","type":"charge.succeeded","created":1763800000,"livemode":false,
                 "api_version":"2026-07-29.dahlia","data":{"object":{"id":"ch_1","object":"charge"}}}""";
        String thin = """
                {"id":"evt_2","object":"v2.core.event","type":"v1.billing.meter.no_meter_found",
                 "created":"2026-11-22T10:00:00.000Z","livemode":false,
                 "related_object":{"id":"mtr_1","type":"billing.meter","url":"/v1/billing/meters/mtr_1"}}""";

        assertThat(validate(Schemas.STRIPE_EVENT_V1, snapshot)).isEmpty();
        assertThat(validate(Schemas.STRIPE_EVENT_V1, thin)).isEmpty();
    }

    @Test
    void nonEventsFailTheEventSchema() throws Exception {
        assertThat(validate(Schemas.STRIPE_EVENT_V1, "{\"id\":\"ch_1\",\"object\":\"charge\"}"))
                .isNotEmpty();
        assertThat(validate(Schemas.STRIPE_EVENT_V1, "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\"}"))
                .as("a snapshot event without data.object")
                .isNotEmpty();
    }

    @Test
    void headersWrittenByTheRecordMatchTheHeaderSchema() throws Exception {
        StripeEventMetadata metadata = new StripeEventMetadata(
                new StripeEventId("evt_1"),
                "payment_intent.succeeded",
                EventShape.SNAPSHOT,
                "acct_1",
                false,
                "2026-07-29.dahlia",
                Instant.parse("2026-11-22T10:00:00Z"),
                "default",
                "default",
                Instant.now());
        StringBuilder json = new StringBuilder("{");
        metadata.toHeaders()
                .forEach((k, v) ->
                        json.append('"').append(k).append("\":\"").append(v).append("\","));
        json.setCharAt(json.length() - 1, '}');

        assertThat(validate(Schemas.STRIPE_EVENT_HEADERS_V1, json.toString())).isEmpty();
        assertThat(validate(Schemas.STRIPE_EVENT_HEADERS_V1, "{\"stripe-event-id\":\"evt_1\"}"))
                .isNotEmpty();
    }
}
