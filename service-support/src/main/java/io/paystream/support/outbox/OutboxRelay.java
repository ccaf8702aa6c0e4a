package io.paystream.support.outbox;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Moves outbox entries to Kafka: publish every one, wait until Kafka acknowledged all of them, and only then
 * {@code $pull} exactly those entries from their documents. Any failure before the pull leaves every entry in place
 * for the next relay or sweeper pass, so records are published at least once and never lost; consumers de-duplicate
 * domain events by CloudEvent id, and registrations on a compacted topic are idempotent by key.
 *
 * <p>The producer behind the template should be idempotent with {@code acks=all}, and its {@code max.block.ms} and
 * {@code delivery.timeout.ms} close to {@code publishTimeout}, so a dead broker fails a relay within its wait rather
 * than after the producer's own two minutes. Thread-safe.
 */
public class OutboxRelay {

    /** CloudEvents Kafka protocol binding, structured content mode. */
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /**
     * Runs before each publication with the topics it is about to write, within the same wait: e.g. catalog-sync
     * creates {@code paystream.webhook-endpoints} compacted before the broker's auto-creation could make it a plain
     * topic. An exception from it fails the relay, entries staying in place.
     */
    @FunctionalInterface
    public interface BeforePublishing {
        void prepare(Set<String> topics, Duration timeout);
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoDatabase database;
    private final Duration publishTimeout;
    private final BeforePublishing beforePublishing;

    public OutboxRelay(KafkaTemplate<String, byte[]> kafka, MongoDatabase database, Duration publishTimeout) {
        this(kafka, database, publishTimeout, (topics, timeout) -> {});
    }

    public OutboxRelay(
            KafkaTemplate<String, byte[]> kafka,
            MongoDatabase database,
            Duration publishTimeout,
            BeforePublishing beforePublishing) {
        this.kafka = kafka;
        this.database = database;
        this.publishTimeout = publishTimeout;
        this.beforePublishing = beforePublishing;
    }

    /**
     * Publishes and confirms every entry, then pulls them.
     *
     * @throws OutboxPublishException when Kafka did not acknowledge all in time; nothing was pulled
     * @throws com.mongodb.MongoException when the pull failed; everything was published, and will be again
     */
    public void relay(List<PendingEntries> pending) {
        List<OutboxEntry> entries =
                pending.stream().flatMap(p -> p.entries().stream()).toList();
        if (entries.isEmpty()) {
            return;
        }
        publish(entries);
        Map<String, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
        for (PendingEntries document : pending) {
            if (!document.entries().isEmpty()) {
                pulls.computeIfAbsent(document.collection(), collection -> new ArrayList<>())
                        .add(new UpdateOneModel<>(
                                Filters.eq("_id", document.documentId()),
                                OutboxDocuments.pull(document.entries().stream()
                                        .map(OutboxEntry::id)
                                        .toList())));
            }
        }
        pulls.forEach((collection, writes) -> database.getCollection(collection).bulkWrite(writes));
    }

    public void relay(PendingEntries pending) {
        relay(List.of(pending));
    }

    /**
     * Publishes and waits, without any document: for records that have none to live in, such as the tombstone of a
     * compensation whose document was deleted. Lost if this fails, so only for what may be lost.
     *
     * @throws OutboxPublishException when Kafka did not acknowledge all in time
     */
    public void publish(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
        try {
            Set<String> topics = new LinkedHashSet<>();
            entries.forEach(entry -> topics.add(entry.topic()));
            beforePublishing.prepare(Set.copyOf(topics), publishTimeout);
            for (OutboxEntry entry : entries) {
                sends.add(kafka.send(record(entry)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new OutboxPublishException(
                    "Kafka refused " + entries.size() + " outbox records", e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxPublishException(
                    "Kafka did not acknowledge " + entries.size() + " outbox records in " + publishTimeout, e);
        } catch (RuntimeException e) {
            // a send can also fail before it returns a future (no metadata within max.block.ms, a closed producer)
            throw new OutboxPublishException("could not send " + entries.size() + " outbox records", e);
        }
    }

    /** The record as payment-worker and catalog-sync have always produced it. */
    static ProducerRecord<String, byte[]> record(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(entry.topic(), entry.key(), entry.value() == null ? null : bytes(entry.value()));
        if (entry.cloudEventType() != null) {
            record.headers().add("content-type", bytes(CLOUDEVENTS_CONTENT_TYPE));
            record.headers().add("ce_id", bytes(entry.id()));
            record.headers().add("ce_type", bytes(entry.cloudEventType()));
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
