package io.paystream.worker.apply;

import io.paystream.support.outbox.OutboxDocuments;

/** Field names every aggregate document carries, beside its projection's state fields. */
public final class StoredFields {

    public static final String ID = "_id";
    public static final String ACCOUNT = "account";
    public static final String LIVEMODE = "livemode";
    public static final String LAST_EVENT_ID = "lastEventId";
    public static final String LAST_EVENT_CREATED = "lastEventCreated";
    public static final String LAST_EVENT_TYPE = "lastEventType";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VERSION = "version";
    public static final String DELETED = "deleted";
    public static final String DELETED_AT = "deletedAt";
    public static final String RECENT_EVENT_IDS = "recentEventIds";
    /** The domain events waiting for the relay, stored as service-support's {@link OutboxDocuments} describes. */
    public static final String OUTBOX = OutboxDocuments.FIELD;
    /** The Stripe object's own {@code created}, stored by every projection whose object has one. */
    public static final String STRIPE_CREATED = "stripeCreated";

    /** The precedence of the stored state, see {@link Projection#precedence}. */
    public static final String PRECEDENCE = "precedence";
    /** Whether the stored state is terminal, see {@link Projection#terminal}. */
    public static final String TERMINAL = "terminal";

    private StoredFields() {}
}
