package io.paystream.worker.apply;

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
    public static final String OUTBOX = "outbox";
    /** The Stripe object's own {@code created}, stored by every projection whose object has one. */
    public static final String STRIPE_CREATED = "stripeCreated";

    /** The precedence of the stored state, see {@link Projection#precedence}. */
    public static final String PRECEDENCE = "precedence";
    /** Whether the stored state is terminal, see {@link Projection#terminal}. */
    public static final String TERMINAL = "terminal";

    /** Outbox entry fields: the CloudEvent id and type, when it was written, and the CloudEvent JSON. */
    public static final String OUTBOX_ID = "id";

    public static final String OUTBOX_TYPE = "type";
    public static final String OUTBOX_AT = "at";
    public static final String OUTBOX_EVENT = "event";

    private StoredFields() {}
}
