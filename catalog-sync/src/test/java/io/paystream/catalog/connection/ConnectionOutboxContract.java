package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The connections' outbox under service-support's relay and sweeper, whatever MongoDB and Kafka run underneath:
 * entries a previous version of catalog-sync stored ({@code {id, topic, key, value, ceType, at}}) and left behind are
 * still published as that version published them, then pulled.
 */
abstract class ConnectionOutboxContract extends ConnectionTestBase {

    @Test
    void entriesStoredInTheEarlierCatalogShapeAreStillPublishedAndPulled() {
        String id = connect(payingAccount());
        String eventId = UUID.randomUUID().toString();
        String tombstoneId = UUID.randomUUID().toString();
        String removedEndpoint = "conn_legacy" + UUID.randomUUID().toString().replace("-", "");
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"subject\":\"" + id + "\"}";
        Date leftBehind = Date.from(Instant.now().minus(Duration.ofMinutes(5)));
        connections()
                .updateOne(
                        Filters.eq("_id", id),
                        Updates.pushEach(
                                "outbox",
                                List.of(
                                        new Document("id", eventId)
                                                .append("topic", Topics.PAYMENTS_EVENTS)
                                                .append("key", id)
                                                .append("value", event)
                                                .append("ceType", DomainEventTypes.CONNECTION_STATUS_CHANGED)
                                                .append("at", leftBehind),
                                        new Document("id", tombstoneId)
                                                .append("topic", Topics.WEBHOOK_ENDPOINTS)
                                                .append("key", removedEndpoint)
                                                .append("value", null)
                                                .append("ceType", null)
                                                .append("at", leftBehind))));

        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            ConsumerRecord<String, byte[]> published =
                    feed.awaitRecord(record -> eventId.equals(TopicReader.header(record, "ce_id")));
            assertThat(published.key()).isEqualTo(id);
            assertThat(TopicReader.text(published)).isEqualTo(event);
            assertThat(TopicReader.header(published, "ce_type")).isEqualTo(DomainEventTypes.CONNECTION_STATUS_CHANGED);
            assertThat(TopicReader.header(published, "content-type"))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
        }
        try (TopicReader registrations = TopicReader.fromBeginning(kafkaBootstrap(), Topics.WEBHOOK_ENDPOINTS)) {
            ConsumerRecord<String, byte[]> tombstone =
                    registrations.awaitRecord(record -> removedEndpoint.equals(record.key()));
            assertThat(tombstone.value()).isNull();
            assertThat(tombstone.headers().toArray()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(outboxIds(id)).doesNotContain(eventId, tombstoneId));
    }

    private List<String> outboxIds(String connectionId) {
        Document stored = connections().find(Filters.eq("_id", connectionId)).first();
        return stored.getList("outbox", Document.class, List.of()).stream()
                .map(entry -> entry.getString("id"))
                .toList();
    }
}
