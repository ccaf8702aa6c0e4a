package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.EngineRun;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DomainEventJsonTest {

    @Test
    void outboxEntriesAreCloudEventsWithADeterministicId() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_ce", "payment_intent.succeeded", 1_794_900_000L, paymentIntent("pi_ce", "succeeded")));
            Document entry = run.outbox().get(0);
            JsonNode json = JsonMapper.builder().build().readTree(entry.getString("event"));
            assertThat(json.path("specversion").asString()).isEqualTo("1.0");
            assertThat(json.path("id").asString())
                    .isEqualTo(DomainEvent.idFor("evt_ce", DomainEventTypes.PAYMENT_SUCCEEDED))
                    .isEqualTo(entry.getString("id"));
            assertThat(json.path("type").asString()).isEqualTo(DomainEventTypes.PAYMENT_SUCCEEDED);
            assertThat(json.path("source").asString()).isEqualTo("/paystream/payment-worker/platform");
            assertThat(json.path("subject").asString()).isEqualTo("pi_ce");
            assertThat(json.path("time").asString()).isEqualTo("2026-11-17T07:20:00Z");
            assertThat(json.path("datacontenttype").asString()).isEqualTo("application/json");
            JsonNode data = json.path("data");
            assertThat(data.path("objectId").asString()).isEqualTo("pi_ce");
            assertThat(data.path("amount").asLong()).isEqualTo(1000);
            assertThat(data.path("currency").asString()).isEqualTo("eur");
            assertThat(data.path("livemode").isBoolean()).isTrue();
            assertThat(data.path("stripeEventId").asString()).isEqualTo("evt_ce");
        }
    }
}
