package io.paystream.ingest.webhook;

import java.util.concurrent.Semaphore;

/** Bounds the requests holding a body in memory; one more is refused at once rather than queued. */
final class InFlightLimiter {

    private final int max;
    private final Semaphore permits;

    InFlightLimiter(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    boolean tryAcquire() {
        return permits.tryAcquire();
    }

    void release() {
        permits.release();
    }

    int inFlight() {
        return max - permits.availablePermits();
    }
}
