package io.paystream.catalog.connection.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.catalog.connection.ConnectionUsable;
import io.paystream.catalog.connection.Mode;
import io.paystream.support.outbox.OutboxDocuments;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.PendingEntries;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The {@value #COLLECTION} collection. Every change is one conditional single-document update on {@code version}
 * that carries the new state and its outbox entries together (no multi-document transactions: the embedded test
 * server has none, and none is needed). The entries are stored as service-support's {@link OutboxDocuments}; a write
 * returns them as {@link PendingEntries} for the caller to relay, and the outbox sweeper reads this collection for what
 * was left.
 *
 * <p>Every change passes here, so this is also where a connection becoming usable (see {@link ConnectionUsable}) is
 * announced, once its write succeeded.
 */
public class ConnectionStore {

    public static final String COLLECTION = "connections";

    /**
     * {@code <account>:<mode>} while a connection is not disconnected, absent afterwards. Unique, so one account in
     * one mode has at most one live connection even when two requests race.
     */
    static final String LIVE_ACCOUNT = "liveAccount";

    private final MongoCollection<Document> collection;
    private final ApplicationEventPublisher announcements;

    ConnectionStore(MongoCollection<Document> collection, ApplicationEventPublisher announcements) {
        this.collection = collection;
        this.announcements = announcements;
    }

    void ensureIndexes() {
        collection.createIndex(
                Indexes.ascending(LIVE_ACCOUNT),
                new IndexOptions().unique(true).sparse(true).name("live_account_unique"));
        collection.createIndex(Indexes.ascending("accountId", "mode"));
        collection.createIndex(Indexes.descending("createdAt", "_id"));
        collection.createIndex(
                Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.descending("createdAt", "_id")));
        OutboxDocuments.ensureIndex(collection);
        collection.createIndex(Indexes.ascending("cipherKeyId"), new IndexOptions().sparse(true));
    }

    /**
     * @return the entries written with it, to relay
     * @throws AlreadyConnectedException when the account already has a live connection in that mode
     */
    public PendingEntries insert(Connection connection, List<OutboxEntry> outbox) {
        Document document = ConnectionDocuments.toDocument(connection);
        // absent, not null: the sparse unique index on liveAccount indexes explicit nulls
        document.entrySet().removeIf(field -> field.getValue() == null);
        document.append(OutboxDocuments.FIELD, OutboxDocuments.toDocuments(outbox));
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AlreadyConnectedException();
            }
            throw e;
        }
        if (ConnectionUsable.isUsable(connection)) {
            announcements.publishEvent(ConnectionUsable.of(connection));
        }
        return pending(connection, outbox);
    }

    public Optional<Connection> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(ConnectionDocuments::toConnection);
    }

    /** The connection of an account in a mode that is not disconnected, if any. */
    public Optional<Connection> findLive(String accountId, Mode mode) {
        return Optional.ofNullable(collection
                        .find(Filters.eq(LIVE_ACCOUNT, ConnectionDocuments.liveAccount(accountId, mode)))
                        .first())
                .map(ConnectionDocuments::toConnection);
    }

    /**
     * Replaces {@code current} by {@code next} and appends {@code outbox}, only if nobody wrote since {@code current}
     * was read.
     *
     * @return the entries written with it, to relay; empty when another write came first: read again and decide again
     */
    public Optional<PendingEntries> update(Connection current, Connection next, List<OutboxEntry> outbox) {
        List<Bson> updates = new ArrayList<>();
        ConnectionDocuments.toDocument(next).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                updates.add(value == null ? Updates.unset(field) : Updates.set(field, value));
            }
        });
        if (!outbox.isEmpty()) {
            updates.add(OutboxDocuments.push(outbox));
        }
        boolean written = collection
                        .updateOne(
                                Filters.and(Filters.eq("_id", current.id()), Filters.eq("version", current.version())),
                                Updates.combine(updates))
                        .getModifiedCount()
                == 1;
        if (written && ConnectionUsable.isUsable(next) && !ConnectionUsable.isUsable(current)) {
            announcements.publishEvent(ConnectionUsable.of(next));
        }
        return written ? Optional.of(pending(next, outbox)) : Optional.empty();
    }

    /** Compensation of a creation that could not be completed. */
    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    /** A page in the order newest first, id descending on ties; {@code after} is the last item of the previous page. */
    List<Connection> list(Bson filter, @Nullable ConnectionCursor after, int limit) {
        Bson page = after == null
                ? filter
                : Filters.and(
                        filter,
                        Filters.or(
                                Filters.lt("createdAt", Date.from(after.createdAt())),
                                Filters.and(
                                        Filters.eq("createdAt", Date.from(after.createdAt())),
                                        Filters.lt("_id", after.id()))));
        return connections(
                collection.find(page).sort(Sorts.descending("createdAt", "_id")).limit(limit));
    }

    /** Enabled connections whose account can be synced. */
    List<Connection> syncable() {
        return connections(collection.find(Filters.and(
                Filters.eq("enabled", true),
                Filters.in("status", ConnectionStatus.ACTIVE.value(), ConnectionStatus.RESTRICTED.value()))));
    }

    /** Key connections, not disconnected, with a webhook endpoint Paystream created: what the endpoint check reads. */
    public List<Connection> withWebhookEndpoints() {
        return connections(collection.find(Filters.and(
                Filters.eq("kind", ConnectionKind.KEYS.value()),
                Filters.ne("status", ConnectionStatus.DISCONNECTED.value()),
                Filters.ne("webhookEndpointId", null))));
    }

    /** Connections whose secrets are still encrypted with another key than {@code activeKeyId}. */
    List<Connection> encryptedWithOtherKey(String activeKeyId, int limit) {
        return connections(collection
                .find(Filters.and(Filters.exists("cipherKeyId"), Filters.ne("cipherKeyId", activeKeyId)))
                .limit(limit));
    }

    private static List<Connection> connections(Iterable<Document> documents) {
        List<Connection> connections = new ArrayList<>();
        documents.forEach(document -> connections.add(ConnectionDocuments.toConnection(document)));
        return connections;
    }

    private static PendingEntries pending(Connection connection, List<OutboxEntry> outbox) {
        return new PendingEntries(COLLECTION, connection.id(), outbox);
    }
}
