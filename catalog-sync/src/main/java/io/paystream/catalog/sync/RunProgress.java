package io.paystream.catalog.sync;

import io.paystream.catalog.stripe.StripeCallListener;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A running target sync as its threads see it: counters, the time of the last page, and whether it must stop. */
final class RunProgress implements StripeCallListener {

    final RunCounts counts = new RunCounts();
    private final Clock clock;
    private volatile Instant lastAnsweredAt;
    /** Null while the run may go on. */
    private volatile @Nullable String abortReason;

    RunProgress(Clock clock) {
        this.clock = clock;
        this.lastAnsweredAt = clock.instant();
    }

    @Override
    public void answered(int status) {
        lastAnsweredAt = clock.instant();
        counts.apiCalls.incrementAndGet();
        if (status == 429) {
            counts.rateLimited.incrementAndGet();
        }
    }

    @Override
    public void unanswered() {
        counts.apiCalls.incrementAndGet();
        counts.unanswered.incrementAndGet();
    }

    /** When Stripe last answered: the fetch time of the page being iterated, as pages are fetched lazily. */
    Instant lastAnsweredAt() {
        return lastAnsweredAt;
    }

    /** Another instance may now hold the target: this run must stop before writing more. */
    void lockLost() {
        abortReason = "lost the target's lock (heartbeat could not extend it); another instance may take over";
    }

    /** @throws RunAbortedException when the lock was lost or the service is stopping */
    void checkContinue() {
        String reason = abortReason;
        if (reason != null) {
            throw new RunAbortedException(reason);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new RunAbortedException("interrupted: the service is stopping");
        }
    }

    static final class RunAbortedException extends RuntimeException {
        RunAbortedException(String reason) {
            super(reason);
        }
    }
}
