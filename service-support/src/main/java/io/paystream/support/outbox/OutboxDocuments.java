package io.paystream.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * How outbox entries are stored: an array {@value #FIELD} of sub-documents in the document they belong to.
 *
 * <p>Written as {@code {id, topic, key, type, event, at}}: {@code type} the CloudEvent type (absent for a plain
 * record), {@code event} the record value (explicitly null for a tombstone), {@code at} a BSON date. The names are
 * payment-worker's, the service with by far the most entries, so what it stores keeps its shape (plus
 * {@code topic} and {@code key}, which its readers ignore).
 *
 * <p>Read, besides that shape, the two shapes already stored in users' databases before this module existed:
 *
 * <ul>
 *   <li>payment-worker's {@code {id, type, at, event}}: no topic and no key. The topic is the collection's default
 *       ({@link OutboxCollection#defaultTopic()}), the key the document's {@code _id}.
 *   <li>catalog-sync's {@code {id, topic, key, value, ceType, at}}: {@code ceType} is read as {@code type} and
 *       {@code value} as {@code event}, a null {@code value} being a tombstone.
 * </ul>
 *
 * An entry with neither {@code event} nor {@code value} is malformed, not a tombstone: a tombstone deletes, so it is
 * never guessed.
 */
public final class OutboxDocuments {

    /** The array in the owning document. */
    public static final String FIELD = "outbox";

    public static final String ID = "id";
    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    /** The CloudEvent type. */
    public static final String TYPE = "type";
    /** The record value. */
    public static final String EVENT = "event";

    public static final String AT = "at";

    /** catalog-sync's names before this module, read only. */
    static final String LEGACY_VALUE = "value";

    static final String LEGACY_CE_TYPE = "ceType";

    private OutboxDocuments() {}

    public static Document toDocument(OutboxEntry entry) {
        Document document =
                new Document(ID, entry.id()).append(TOPIC, entry.topic()).append(KEY, entry.key());
        if (entry.cloudEventType() != null) {
            document.append(TYPE, entry.cloudEventType());
        }
        return document.append(EVENT, entry.value()).append(AT, Date.from(entry.at()));
    }

    public static List<Document> toDocuments(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxDocuments::toDocument).toList();
    }

    /**
     * @param defaultTopic the topic of an entry stored without one (payment-worker's)
     * @param documentId the owning document's {@code _id}: the key of an entry stored without one
     * @throws MalformedOutboxEntryException when the entry lacks its id, its time or its value; the message names
     *     the document and the field, never the value
     */
    public static OutboxEntry fromDocument(Document stored, String defaultTopic, String documentId) {
        String id = text(stored, ID, documentId);
        Date at = stored.get(AT) instanceof Date date ? date : null;
        if (at == null) {
            throw new MalformedOutboxEntryException("outbox entry " + id + " of " + documentId + " has no date 'at'");
        }
        String value;
        if (stored.containsKey(EVENT)) {
            value = optionalText(stored, EVENT, documentId);
        } else if (stored.containsKey(LEGACY_VALUE)) {
            value = optionalText(stored, LEGACY_VALUE, documentId);
        } else {
            throw new MalformedOutboxEntryException("outbox entry " + id + " of " + documentId + " has no value");
        }
        String type = stored.containsKey(TYPE)
                ? optionalText(stored, TYPE, documentId)
                : optionalText(stored, LEGACY_CE_TYPE, documentId);
        String topic = stored.containsKey(TOPIC) ? text(stored, TOPIC, documentId) : defaultTopic;
        String key = stored.containsKey(KEY) ? text(stored, KEY, documentId) : documentId;
        try {
            return new OutboxEntry(id, topic, key, value, type, at.toInstant());
        } catch (IllegalArgumentException e) {
            throw new MalformedOutboxEntryException(
                    "outbox entry " + id + " of " + documentId + " is inconsistent: " + e.getMessage());
        }
    }

    /** {@code $push} of entries onto the array, for an update that carries the change they announce. */
    public static Bson push(List<OutboxEntry> entries) {
        return Updates.pushEach(FIELD, toDocuments(entries));
    }

    /** {@code $pull} of exactly these entries by id, once Kafka acknowledged them. */
    public static Bson pull(Collection<String> entryIds) {
        return Updates.pullByFilter(new Document(FIELD, new Document(ID, new Document("$in", List.copyOf(entryIds)))));
    }

    /** Documents holding an entry written at or before {@code cutoff}. */
    public static Bson writtenAtOrBefore(Instant cutoff) {
        return Filters.lte(FIELD + "." + AT, Date.from(cutoff));
    }

    /**
     * The index {@link #writtenAtOrBefore} is served by on a real MongoDB (the embedded test server ignores it).
     * Sparse, default name: exactly the index catalog-sync's connections already have, so creating it there is a
     * no-op rather than a conflict.
     */
    public static void ensureIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(FIELD + "." + AT), new IndexOptions().sparse(true));
    }

    private static String text(Document stored, String field, String documentId) {
        String value = optionalText(stored, field, documentId);
        if (value == null || value.isBlank()) {
            throw new MalformedOutboxEntryException("an outbox entry of " + documentId + " has no '" + field + "'");
        }
        return value;
    }

    private static @Nullable String optionalText(Document stored, String field, String documentId) {
        Object value = stored.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new MalformedOutboxEntryException(
                "an outbox entry of " + documentId + " has a '" + field + "' that is not a string");
    }
}
