package io.paystream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The stored shape of outbox entries, and the two shapes the services stored before this module. */
class OutboxDocumentsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456Z");
    private static final String DEFAULT_TOPIC = "payments.events";

    @Test
    void entriesAreStoredInPaymentWorkersNamesPlusTopicAndKey() {
        OutboxEntry event = OutboxEntry.cloudEvent(
                "ce_1", "io.paystream.payout.paid", "payments.events", "po_1", "{\"id\":\"ce_1\"}", AT);

        Document stored = OutboxDocuments.toDocument(event);

        assertThat(stored.keySet()).containsExactly("id", "topic", "key", "type", "event", "at");
        assertThat(stored.getString("type")).isEqualTo("io.paystream.payout.paid");
        assertThat(stored.getString("event")).isEqualTo("{\"id\":\"ce_1\"}");
        assertThat(stored.getDate("at")).isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00.123Z")));
        assertThat(OutboxDocuments.fromDocument(stored, "elsewhere", "other")).isEqualTo(event);
    }

    @Test
    void plainRecordsAndTombstonesRoundTripWithoutACloudEventType() {
        OutboxEntry registration =
                OutboxEntry.record("r_1", "paystream.webhook-endpoints", "conn_1", "{\"tenant\":\"t\"}", AT);
        OutboxEntry tombstone = OutboxEntry.tombstone("r_2", "paystream.webhook-endpoints", "conn_1", AT);

        Document storedTombstone = OutboxDocuments.toDocument(tombstone);

        assertThat(OutboxDocuments.toDocument(registration)).doesNotContainKey("type");
        assertThat(storedTombstone).containsEntry("event", null).doesNotContainKey("type");
        assertThat(OutboxDocuments.fromDocument(OutboxDocuments.toDocument(registration), DEFAULT_TOPIC, "conn_1"))
                .isEqualTo(registration);
        OutboxEntry read = OutboxDocuments.fromDocument(storedTombstone, DEFAULT_TOPIC, "conn_1");
        assertThat(read).isEqualTo(tombstone);
        assertThat(read.isTombstone()).isTrue();
        assertThat(read.isCloudEvent()).isFalse();
    }

    @Test
    void paymentWorkersEarlierEntriesTakeTheCollectionsTopicAndTheDocumentIdAsKey() {
        Document stored = new Document("id", "ce_9")
                .append("type", "io.paystream.payment.succeeded")
                .append("at", Date.from(AT))
                .append("event", "{\"specversion\":\"1.0\"}");

        OutboxEntry entry = OutboxDocuments.fromDocument(stored, DEFAULT_TOPIC, "pi_9");

        assertThat(entry)
                .isEqualTo(OutboxEntry.cloudEvent(
                        "ce_9",
                        "io.paystream.payment.succeeded",
                        DEFAULT_TOPIC,
                        "pi_9",
                        "{\"specversion\":\"1.0\"}",
                        AT));
    }

    @Test
    void catalogSyncsEarlierEntriesKeepTheirTopicKeyTypeAndTombstones() {
        Document statusEvent = new Document("id", "ce_c")
                .append("topic", "payments.events")
                .append("key", "conn_1")
                .append("value", "{\"specversion\":\"1.0\"}")
                .append("ceType", "io.paystream.connection.status_changed")
                .append("at", Date.from(AT));
        Document tombstone = new Document("id", "t_1")
                .append("topic", "paystream.webhook-endpoints")
                .append("key", "conn_1")
                .append("value", null)
                .append("ceType", null)
                .append("at", Date.from(AT));

        assertThat(OutboxDocuments.fromDocument(statusEvent, "ignored", "conn_1"))
                .isEqualTo(OutboxEntry.cloudEvent(
                        "ce_c",
                        "io.paystream.connection.status_changed",
                        "payments.events",
                        "conn_1",
                        "{\"specversion\":\"1.0\"}",
                        AT));
        assertThat(OutboxDocuments.fromDocument(tombstone, "ignored", "conn_1"))
                .isEqualTo(OutboxEntry.tombstone("t_1", "paystream.webhook-endpoints", "conn_1", AT));
    }

    @Test
    void anEntryThatCannotBeReadIsMalformedNeverATombstone() {
        Document valid = OutboxDocuments.toDocument(
                OutboxEntry.cloudEvent("ce_1", "io.paystream.payout.paid", DEFAULT_TOPIC, "po_1", "{}", AT));

        assertThatThrownBy(() -> OutboxDocuments.fromDocument(without(valid, "event"), DEFAULT_TOPIC, "po_1"))
                .isInstanceOf(MalformedOutboxEntryException.class)
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> OutboxDocuments.fromDocument(without(valid, "id"), DEFAULT_TOPIC, "po_1"))
                .isInstanceOf(MalformedOutboxEntryException.class)
                .hasMessageContaining("'id'");
        assertThatThrownBy(() -> OutboxDocuments.fromDocument(without(valid, "at"), DEFAULT_TOPIC, "po_1"))
                .isInstanceOf(MalformedOutboxEntryException.class)
                .hasMessageContaining("'at'");
        assertThatThrownBy(() ->
                        OutboxDocuments.fromDocument(new Document(valid).append("event", null), DEFAULT_TOPIC, "po_1"))
                .as("a CloudEvent without a value")
                .isInstanceOf(MalformedOutboxEntryException.class);
        assertThatThrownBy(() ->
                        OutboxDocuments.fromDocument(new Document(valid).append("event", 42), DEFAULT_TOPIC, "po_1"))
                .isInstanceOf(MalformedOutboxEntryException.class)
                .hasMessageNotContaining("42");
    }

    @Test
    void anEntryNeedsAnIdATopicAndAKey() {
        assertThatThrownBy(() -> OutboxEntry.record(" ", "t", "k", "v", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxEntry.record("id", "", "k", "v", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxEntry.tombstone("id", "t", "", AT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Document without(Document document, String field) {
        Document copy = new Document(document);
        copy.remove(field);
        return copy;
    }
}
