package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.ACCOUNT;
import static io.paystream.catalog.product.CatalogDocuments.ARCHIVED;
import static io.paystream.catalog.product.CatalogDocuments.ARCHIVED_AT;
import static io.paystream.catalog.product.CatalogDocuments.ARCHIVED_REASON;
import static io.paystream.catalog.product.CatalogDocuments.ID;
import static io.paystream.catalog.product.CatalogDocuments.LIVEMODE;
import static io.paystream.catalog.product.CatalogDocuments.ORDER_AT;
import static io.paystream.catalog.product.CatalogDocuments.ORDER_EVENT_ID;
import static io.paystream.catalog.product.CatalogDocuments.STRIPE_ID;
import static io.paystream.catalog.product.CatalogDocuments.VERSION;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * How a decided state reaches MongoDB: an insert when nothing was stored, else an update conditional on the version
 * read, and a report of whether a concurrent writer won. Apart from {@link CatalogWriter} and
 * {@link ListedPageWriter} because both decide differently (an event per object, a listing per page) but must write
 * the same way, or the optimistic concurrency between them would not hold.
 */
final class VersionedWrites {

    /** How often a write is decided again after losing to a concurrent writer before it gives up. */
    static final int MAX_ATTEMPTS = 8;

    private static final Set<String> NOT_ARCHIVED = Set.of(ARCHIVED_AT, ARCHIVED_REASON);

    private VersionedWrites() {}

    /** An insert when nothing is stored, else an update conditional on the version read. */
    static WriteModel<Document> stateWrite(
            String id,
            String account,
            boolean livemode,
            CatalogObject object,
            OrderKey key,
            Document state,
            @Nullable Document current) {
        withBookkeeping(state, account, livemode, object, key, version(current) + 1);
        return write(id, state, unsetBy(state), current);
    }

    /** Adds what every state write stores beside Stripe's fields: whose object it is, its order key, its version. */
    static Document withBookkeeping(
            Document state, String account, boolean livemode, CatalogObject object, OrderKey key, long version) {
        return state.append(ACCOUNT, account)
                .append(LIVEMODE, livemode)
                .append(STRIPE_ID, object.stripeId())
                .append(ORDER_AT, key.date())
                .append(ORDER_EVENT_ID, key.eventId())
                .append(VERSION, version);
    }

    /** The fields a write of {@code state} removes: a state that is not archived drops the archive's fields. */
    static Set<String> unsetBy(Document state) {
        return Boolean.TRUE.equals(state.getBoolean(ARCHIVED)) ? Set.of() : NOT_ARCHIVED;
    }

    /**
     * An insert of {@code set} when nothing is stored, else an update of {@code set} and {@code unset} conditional on
     * the version read. The two must not share a field (MongoDB refuses such an update).
     */
    static WriteModel<Document> write(String id, Document set, Collection<String> unset, @Nullable Document current) {
        if (current == null) {
            return new InsertOneModel<>(withId(id, set));
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            Document fields = new Document();
            unset.forEach(field -> fields.append(field, ""));
            update.append("$unset", fields);
        }
        return new UpdateOneModel<>(Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, version(current))), update);
    }

    /** The stored version; 0 when nothing is stored. */
    static long version(@Nullable Document stored) {
        Number version = stored == null ? null : stored.get(VERSION, Number.class);
        return version == null ? 0 : version.longValue();
    }

    static Map<String, Document> storedDocuments(MongoCollection<Document> collection, Collection<String> ids) {
        return storedDocuments(collection, ids, null);
    }

    /** @param fields a projection; null: whole documents */
    static Map<String, Document> storedDocuments(
            MongoCollection<Document> collection, Collection<String> ids, @Nullable Bson fields) {
        Map<String, Document> byId = new HashMap<>();
        for (Document document : collection.find(Filters.in(ID, ids)).projection(fields)) {
            byId.put(document.getString(ID), document);
        }
        return byId;
    }

    /** @return false when a concurrent writer made any of the writes miss (its version moved, or it inserted first) */
    static boolean bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        long inserts = writes.stream().filter(InsertOneModel.class::isInstance).count();
        try {
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() == inserts && result.getMatchedCount() == writes.size() - inserts;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }

    /** @return false when a concurrent writer made the write miss */
    static boolean writeOne(MongoCollection<Document> collection, WriteModel<Document> write) {
        if (write instanceof InsertOneModel<Document> insert) {
            try {
                collection.insertOne(insert.getDocument());
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        UpdateOneModel<Document> update = (UpdateOneModel<Document>) write;
        return collection.updateOne(update.getFilter(), update.getUpdate()).getMatchedCount() == 1;
    }

    private static Document withId(String id, Document state) {
        Document document = new Document(ID, id);
        document.putAll(state);
        return document;
    }
}
