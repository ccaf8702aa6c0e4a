package io.paystream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Publish every entry, wait for every acknowledgement, then pull exactly those; a failure leaves them all. */
class OutboxRelayTest extends RealKafkaAndMongo {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void recordsCarryTheirTopicKeyValueAndTheHeadersTheServicesAlwaysSent() throws Exception {
        String events = newTopic("payments.events");
        String registrations = newTopic("paystream.webhook-endpoints");
        OutboxEntry event = OutboxEntry.cloudEvent("ce_1", "io.paystream.payout.paid", events, "po_1", "{\"a\":1}", AT);
        OutboxEntry registration = OutboxEntry.record("r_1", registrations, "conn_1", "{\"b\":2}", AT);
        OutboxEntry tombstone = OutboxEntry.tombstone("r_2", registrations, "conn_2", AT);
        store("things", "po_1", OutboxDocuments.toDocuments(List.of(event, registration, tombstone)));

        relay().relay(new PendingEntries("things", "po_1", List.of(event, registration, tombstone)));

        ConsumerRecord<String, byte[]> published = awaitRecords(events, 1).get(0);
        assertThat(published.key()).isEqualTo("po_1");
        assertThat(value(published)).isEqualTo("{\"a\":1}");
        assertThat(header(published, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(header(published, "ce_id")).isEqualTo("ce_1");
        assertThat(header(published, "ce_type")).isEqualTo("io.paystream.payout.paid");
        List<ConsumerRecord<String, byte[]>> plain = awaitRecords(registrations, 2);
        assertThat(plain).extracting(ConsumerRecord::key).containsExactly("conn_1", "conn_2");
        assertThat(value(plain.get(0))).isEqualTo("{\"b\":2}");
        assertThat(plain.get(1).value()).as("tombstone").isNull();
        assertThat(plain).allSatisfy(record -> assertThat(record.headers().toArray())
                .as("plain records have no CloudEvent headers")
                .isEmpty());
        assertThat(outboxIds("things", "po_1")).isEmpty();
    }

    @Test
    void onlyTheRelayedEntriesArePulledFromEachDocumentOfEachCollection() throws Exception {
        String topic = newTopic("payments.events");
        OutboxEntry a1 = OutboxEntry.cloudEvent("a1", "t", topic, "a", "{}", AT);
        OutboxEntry a2 = OutboxEntry.cloudEvent("a2", "t", topic, "a", "{}", AT);
        OutboxEntry b1 = OutboxEntry.cloudEvent("b1", "t", topic, "b", "{}", AT);
        OutboxEntry written = OutboxEntry.cloudEvent("b2", "t", topic, "b", "{}", AT);
        store("payments", "a", OutboxDocuments.toDocuments(List.of(a1, a2)));
        store("invoices", "b", OutboxDocuments.toDocuments(List.of(b1, written)));

        relay().relay(List.of(
                new PendingEntries("payments", "a", List.of(a1)),
                new PendingEntries("invoices", "b", List.of(b1)),
                new PendingEntries("payments", "a", List.of(a2))));

        assertThat(awaitRecords(topic, 3)).extracting(r -> header(r, "ce_id")).containsExactly("a1", "b1", "a2");
        assertThat(outboxIds("payments", "a")).isEmpty();
        assertThat(outboxIds("invoices", "b"))
                .as("written meanwhile, not relayed")
                .containsExactly("b2");
    }

    @Test
    void whenKafkaDoesNotAcknowledgeNothingIsPulled() throws Exception {
        String topic = newTopic("payments.events");
        OutboxEntry entry = OutboxEntry.cloudEvent("ce_x", "t", topic, "po_x", "{}", AT);
        store("payouts", "po_x", OutboxDocuments.toDocuments(List.of(entry)));

        assertThatThrownBy(() -> relayWithoutBroker().relay(new PendingEntries("payouts", "po_x", List.of(entry))))
                .isInstanceOf(OutboxPublishException.class);

        assertThat(outboxIds("payouts", "po_x")).containsExactly("ce_x");
    }

    @Test
    void recordsWithoutADocumentArePublishedAfterTheirTopicsArePrepared() throws Exception {
        String topic = newTopic("paystream.webhook-endpoints");
        List<Set<String>> prepared = new ArrayList<>();

        relay((topics, timeout) -> prepared.add(topics))
                .publish(List.of(OutboxEntry.tombstone("t_1", topic, "conn_9", AT)));

        assertThat(prepared).containsExactly(Set.of(topic));
        ConsumerRecord<String, byte[]> tombstone = awaitRecords(topic, 1).get(0);
        assertThat(tombstone.key()).isEqualTo("conn_9");
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void aFailingPreparationFailsTheRelayAndLeavesTheEntries() throws Exception {
        String topic = newTopic("paystream.webhook-endpoints");
        OutboxEntry entry = OutboxEntry.record("r_9", topic, "conn_9", "{}", AT);
        store("connections", "conn_9", OutboxDocuments.toDocuments(List.of(entry)));
        OutboxRelay relay = relay((topics, timeout) -> {
            throw new IllegalStateException("cannot create " + topics);
        });

        assertThatThrownBy(() -> relay.relay(new PendingEntries("connections", "conn_9", List.of(entry))))
                .isInstanceOf(OutboxPublishException.class);

        assertThat(outboxIds("connections", "conn_9")).containsExactly("r_9");
        assertThat(recordCount(topic)).isZero();
    }
}
