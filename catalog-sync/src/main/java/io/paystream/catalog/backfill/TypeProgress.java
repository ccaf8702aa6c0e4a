package io.paystream.catalog.backfill;

import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One type's state in a running backfill, as stored under {@code types.<type>} of its run document: status, the
 * cursor (the last object id handed on and acknowledged), objects and pages. Written by the run's thread, read by the
 * heartbeat's.
 */
final class TypeProgress {

    static final String STATUS = "status";
    static final String REASON = "reason";
    static final String CURSOR = "cursor";
    static final String OBJECTS = "objects";
    static final String PAGES = "pages";
    static final String CARRIED = "carriedFrom";

    final BackfillType type;
    final AtomicLong objects = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    private volatile BackfillStatus status = BackfillStatus.QUEUED;
    private volatile @Nullable String cursor;
    private volatile @Nullable String reason;
    /** The abandoned run this type's cursor and counts were taken from, if any. */
    private volatile @Nullable String carriedFrom;

    TypeProgress(BackfillType type) {
        this.type = type;
    }

    /** Takes over what an abandoned run of the target stored for this type: done stays done, a cursor is resumed. */
    void carryOver(Document stored, String abandonedRunId) {
        BackfillStatus was = BackfillStatus.of(stored.getString(STATUS));
        String storedCursor = stored.getString(CURSOR);
        if (was != BackfillStatus.SUCCEEDED && storedCursor == null) {
            return; // nothing handed on: start over
        }
        carriedFrom = abandonedRunId;
        cursor = storedCursor;
        objects.set(number(stored, OBJECTS));
        pages.set(number(stored, PAGES));
        status = was == BackfillStatus.SUCCEEDED ? BackfillStatus.SUCCEEDED : BackfillStatus.QUEUED;
    }

    BackfillStatus status() {
        return status;
    }

    @Nullable
    String cursor() {
        return cursor;
    }

    @Nullable
    String reason() {
        return reason;
    }

    void running() {
        status = BackfillStatus.RUNNING;
    }

    void pageHandled(@Nullable String lastId, int count) {
        if (lastId != null) {
            cursor = lastId;
        }
        objects.addAndGet(count);
        pages.incrementAndGet();
    }

    void finished(BackfillStatus outcome, @Nullable String why) {
        status = outcome;
        reason = why;
    }

    Document toDocument() {
        return new Document(STATUS, status.value())
                .append(REASON, reason)
                .append(CURSOR, cursor)
                .append(OBJECTS, objects.get())
                .append(PAGES, pages.get())
                .append(CARRIED, carriedFrom);
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
