package io.paystream.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.paystream.events.Schemas;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** catalog-sync's connection events share the payments.events schema with payment-worker's events. */
class ConnectionEventSchemaTest {

    private static Set<ValidationMessage> validate(DomainEvent event) throws Exception {
        try (InputStream in = Schemas.open(DomainEvent.SCHEMA_LOCATION)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
            return schema.validate(JsonMapper.builder().build().writeValueAsString(event), InputFormat.JSON);
        }
    }

    private static DomainEvent connectionEvent(String source, Map<String, Object> data) {
        return new DomainEvent(
                DomainEvent.SPEC_VERSION,
                DomainEvent.idFor("evt_1|conn_1", DomainEventTypes.CONNECTION_STATUS_CHANGED),
                source,
                DomainEventTypes.CONNECTION_STATUS_CHANGED,
                "conn_1",
                Instant.parse("2026-11-22T10:00:00Z"),
                DomainEvent.CONTENT_TYPE,
                DomainEvent.DATA_SCHEMA_V1,
                data);
    }

    private static Map<String, Object> restricted() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connectionId", "conn_1");
        data.put("tenant", "acme");
        data.put("kind", "connect");
        data.put("account", "acct_1");
        data.put("livemode", false);
        data.put("previousStatus", "pending");
        data.put("status", "restricted");
        data.put("missing", List.of("Bank account", "Tax ID"));
        data.put("disabledReason", null);
        data.put("stripeEventId", "evt_1");
        return data;
    }

    @Test
    void aConnectionStatusChangeMatchesTheSchema() throws Exception {
        assertThat(validate(connectionEvent("/paystream/catalog-sync/acct_1", restricted())))
                .isEmpty();
    }

    @Test
    void aChangeAnApiCallCausedHasNoStripeEvent() throws Exception {
        Map<String, Object> created = restricted();
        created.put("previousStatus", null);
        created.put("status", "pending");
        created.put("missing", List.of());
        created.put("stripeEventId", null);

        // the top-level data.stripeEventId once said "string" for every type, refusing every API-caused change
        assertThat(validate(connectionEvent("/paystream/catalog-sync/acct_1", created)))
                .isEmpty();
    }

    @Test
    void aConnectionEventNeedsItsConnectionFieldsAndCatalogSyncAsSource() throws Exception {
        Map<String, Object> withoutStatus = restricted();
        withoutStatus.remove("status");

        assertThat(validate(connectionEvent("/paystream/catalog-sync/acct_1", withoutStatus)))
                .isNotEmpty();
        assertThat(validate(connectionEvent("/paystream/payment-worker/acct_1", restricted())))
                .isNotEmpty();
    }

    @Test
    void paymentWorkerEventsStillNeedTheirStripeFields() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("objectId", "pi_1");
        data.put("objectType", "payment_intent");
        data.put("account", "platform");
        data.put("livemode", false);
        data.put("stripeEventId", "evt_2");
        data.putAll(new PaymentSucceeded("succeeded", 1000L, 1000L, "usd", null, "pi_1", "ch_1").toData());
        DomainEvent succeeded =
                DomainEvent.of("evt_2", "platform", DomainEventTypes.PAYMENT_SUCCEEDED, "pi_1", Instant.EPOCH, data);
        Map<String, Object> incomplete = new LinkedHashMap<>(data);
        incomplete.remove("stripeEventId");

        assertThat(validate(succeeded)).isEmpty();
        assertThat(validate(DomainEvent.of(
                        "evt_2", "platform", DomainEventTypes.PAYMENT_SUCCEEDED, "pi_1", Instant.EPOCH, incomplete)))
                .isNotEmpty();
    }
}
