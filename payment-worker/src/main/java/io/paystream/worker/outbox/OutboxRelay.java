package io.paystream.worker.outbox;

import static io.paystream.worker.apply.StoredFields.ID;
import static io.paystream.worker.apply.StoredFields.OUTBOX;
import static io.paystream.worker.apply.StoredFields.OUTBOX_EVENT;
import static io.paystream.worker.apply.StoredFields.OUTBOX_ID;
import static io.paystream.worker.apply.StoredFields.OUTBOX_TYPE;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Moves domain events from aggregate documents to {@code payments.events}: publish (acks=all, idempotent producer),
 * wait for every acknowledgement, and only then {@code $pull} the entries. A crash between the two steps leaves the
 * entries in place for the sweeper, so events are published at least once and never lost; consumers de-duplicate by
 * CloudEvent id.
 */
public class OutboxRelay {

    /** CloudEvents Kafka protocol binding, structured content mode. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoDatabase database;
    private final Duration publishTimeout;

    public OutboxRelay(KafkaTemplate<String, byte[]> kafka, MongoDatabase database, Duration publishTimeout) {
        this.kafka = kafka;
        this.database = database;
        this.publishTimeout = publishTimeout;
    }

    /** Entries of one aggregate document, as stored in its {@code outbox} array. */
    public record Pending(String collection, String aggregateId, List<Document> entries) {}

    /** Publishes and confirms all entries; on failure nothing is pulled and the exception says why. */
    public void relay(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Pending aggregate : pending) {
            for (Document entry : aggregate.entries()) {
                sends.add(kafka.send(record(aggregate.aggregateId(), entry)));
            }
        }
        awaitAll(sends);
        Map<String, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
        for (Pending aggregate : pending) {
            List<String> ids = aggregate.entries().stream()
                    .map(entry -> entry.getString(OUTBOX_ID))
                    .toList();
            pulls.computeIfAbsent(aggregate.collection(), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(
                            Filters.eq(ID, aggregate.aggregateId()),
                            Updates.pullByFilter(
                                    new Document(OUTBOX, new Document(OUTBOX_ID, new Document("$in", ids))))));
        }
        pulls.forEach((collection, writes) -> database.getCollection(collection).bulkWrite(writes));
    }

    private static ProducerRecord<String, byte[]> record(String aggregateId, Document entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.PAYMENTS_EVENTS,
                aggregateId,
                entry.getString(OUTBOX_EVENT).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", entry.getString(OUTBOX_ID).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", entry.getString(OUTBOX_TYPE).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while publishing domain events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxPublishException("publishing domain events failed or timed out", e);
        }
    }
}
