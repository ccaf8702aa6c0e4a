package io.paystream.worker.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.InvoicePaid;
import io.paystream.support.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutboxEntriesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxEntries entries = new OutboxEntries(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachChangeBecomesACloudEventWithTheIdsAccountAndModeAddedToItsData() {
        StripeEvent event = new StripeEvent(
                "evt_1", "invoice.paid", 1_794_900_000L, true, "acct_1", "invoice", "in_1", JSON.createObjectNode());

        List<OutboxEntry> outbox = entries.of(
                List.of(new DomainChange(new InvoicePaid("paid", "usd", "cus_1", null, "in_1", 2900L))), event, "in_1");

        assertThat(outbox).hasSize(1);
        OutboxEntry entry = outbox.get(0);
        assertThat(entry.id()).isEqualTo(DomainEvent.idFor("evt_1", "io.paystream.invoice.paid"));
        assertThat(entry.cloudEventType()).isEqualTo("io.paystream.invoice.paid");
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(entry.topic()).isEqualTo(Topics.PAYMENTS_EVENTS);
        assertThat(entry.key()).isEqualTo("in_1");
        JsonNode cloudEvent = JSON.readTree(entry.value());
        assertThat(cloudEvent.path("id").asString()).isEqualTo(entry.id());
        JsonNode data = cloudEvent.path("data");
        assertThat(data.path("objectId").asString()).isEqualTo("in_1");
        assertThat(data.path("objectType").asString()).isEqualTo("invoice");
        assertThat(data.path("account").asString()).isEqualTo("acct_1");
        assertThat(data.path("livemode").asBoolean()).isTrue();
        assertThat(data.path("stripeEventId").asString()).isEqualTo("evt_1");
        assertThat(data.path("amount").asLong()).isEqualTo(2900);
        assertThat(data.path("invoice").asString()).isEqualTo("in_1");
        assertThat(data.propertyNames())
                .as("the origin's fields, then the record's, in the order of their components")
                .containsExactly(
                        "objectId",
                        "objectType",
                        "account",
                        "livemode",
                        "stripeEventId",
                        "status",
                        "currency",
                        "customer",
                        "subscription",
                        "invoice",
                        "amount");
    }

    @Test
    void noChangeNoEntry() {
        StripeEvent event = new StripeEvent(
                "evt_2", "customer.updated", 1L, false, "platform", "customer", "cus_1", JSON.createObjectNode());

        assertThat(entries.of(List.of(), event, "cus_1")).isEmpty();
    }
}
