package io.paystream.catalog.backfill;

import io.paystream.catalog.stripe.StripeCallListener;
import io.paystream.catalog.sync.SyncLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A running backfill of one target as its threads see it: each type's progress, the Stripe calls, the locks the
 * heartbeat keeps alive, and whether it must stop.
 */
final class BackfillProgress implements StripeCallListener {

    static final String API_CALLS = "apiCalls";
    static final String RATE_LIMITED = "rateLimited";
    static final String UNANSWERED = "unanswered";
    static final String OBJECTS = "objects";
    static final String PAGES = "pages";

    final Map<BackfillType, TypeProgress> types = new LinkedHashMap<>();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    /** The backfill's own lock, and the catalog sync's while products and prices are listed. */
    final List<SyncLocks.TargetLock> locks = new CopyOnWriteArrayList<>();

    private final Clock clock;
    private final Instant startedAt;
    private volatile @Nullable String abortReason;

    BackfillProgress(List<BackfillType> chosen, Clock clock) {
        chosen.forEach(type -> types.put(type, new TypeProgress(type)));
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void answered(int status) {
        apiCalls.incrementAndGet();
        if (status == 429) {
            rateLimited.incrementAndGet();
        }
    }

    @Override
    public void unanswered() {
        apiCalls.incrementAndGet();
        unanswered.incrementAndGet();
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant now() {
        return clock.instant();
    }

    long objects() {
        return types.values().stream().mapToLong(type -> type.objects.get()).sum();
    }

    long pages() {
        return types.values().stream().mapToLong(type -> type.pages.get()).sum();
    }

    /** The type being read, or null between types. */
    @Nullable
    TypeProgress current() {
        return types.values().stream()
                .filter(type -> type.status() == BackfillStatus.RUNNING)
                .findFirst()
                .orElse(null);
    }

    Document countsDocument() {
        return new Document(OBJECTS, objects())
                .append(PAGES, pages())
                .append(API_CALLS, apiCalls.get())
                .append(RATE_LIMITED, rateLimited.get())
                .append(UNANSWERED, unanswered.get());
    }

    Document typesDocument() {
        Document document = new Document();
        types.forEach((type, progress) -> document.append(type.value(), progress.toDocument()));
        return document;
    }

    /** A lock could not be extended: another instance may hold the target now, this run must stop. */
    void lockLost() {
        abortReason = "lost the target's lock (heartbeat could not extend it); another instance may take over";
    }

    /** Another type of the run failed in a way every type would: the types read beside it stop too. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
    }

    /** @throws BackfillAbortedException when a lock was lost or the service is stopping */
    void checkContinue() {
        String reason = abortReason;
        if (reason != null) {
            throw new BackfillAbortedException(reason);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new BackfillAbortedException("interrupted: the service is stopping");
        }
    }

    /** The run cannot go on: a lock lost, the service stopping, Kafka not acknowledging. */
    static final class BackfillAbortedException extends RuntimeException {
        BackfillAbortedException(String reason) {
            super(reason);
        }

        BackfillAbortedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
