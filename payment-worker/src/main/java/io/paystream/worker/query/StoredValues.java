package io.paystream.worker.query;

import com.mongodb.client.model.Projections;
import io.paystream.worker.apply.StoredFields;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** Typed reads of the engine's stored documents for the response records. */
public final class StoredValues {

    /** The Stripe object's own {@code created}, as stored by every projection that has one. */
    public static final String CREATED = StoredFields.STRIPE_CREATED;

    /**
     * What a query reads: everything but the engine's bookkeeping, which is never part of an answer (and the outbox
     * can be large).
     */
    public static final Bson PUBLIC_FIELDS = Projections.exclude(
            StoredFields.RECENT_EVENT_IDS,
            StoredFields.OUTBOX,
            StoredFields.VERSION,
            StoredFields.PRECEDENCE,
            StoredFields.TERMINAL);

    private StoredValues() {}

    public static @Nullable Instant instant(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }

    public static @Nullable Long longValue(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : null;
    }

    public static @Nullable Integer integer(Document document, String field) {
        return document.get(field) instanceof Number number ? number.intValue() : null;
    }

    public static @Nullable Boolean flag(Document document, String field) {
        return document.get(field) instanceof Boolean flag ? flag : null;
    }

    public static boolean isTrue(Document document, String field) {
        return Boolean.TRUE.equals(document.get(field));
    }

    public static List<String> strings(@Nullable Document document, String field) {
        return document == null ? List.of() : document.getList(field, String.class, List.of());
    }

    public static @Nullable Document nested(Document document, String field) {
        return document.get(field) instanceof Document nested ? nested : null;
    }

    public static List<Document> documents(Document document, String field) {
        return document.getList(field, Document.class, List.of());
    }

    /** The fields every aggregate carries, in the shape every response repeats. */
    public static StoredMeta meta(Document document) {
        return new StoredMeta(
                document.getString(StoredFields.ID),
                document.getString(StoredFields.ACCOUNT),
                isTrue(document, StoredFields.LIVEMODE),
                instant(document, StoredFields.UPDATED_AT),
                document.getString(StoredFields.LAST_EVENT_ID),
                instant(document, StoredFields.LAST_EVENT_CREATED));
    }

    /**
     * @param id the document id
     * @param account {@code platform} or {@code acct_...}
     * @param livemode live or test data
     * @param updatedAt when the worker last changed the document
     * @param lastEventId the Stripe event the current state comes from
     * @param lastEventAt that event's {@code created}
     */
    public record StoredMeta(
            String id,
            String account,
            boolean livemode,
            @Nullable Instant updatedAt,
            @Nullable String lastEventId,
            @Nullable Instant lastEventAt) {}
}
