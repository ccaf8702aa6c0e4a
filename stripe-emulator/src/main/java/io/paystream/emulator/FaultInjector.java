package io.paystream.emulator;

/** Fails the next N API requests with one status, or every request for a while, for retry and back-off tests. */
final class FaultInjector {

    private int remaining;
    private int status;
    private long burstEndsNanos = System.nanoTime();

    synchronized void failNext(int count, int httpStatus) {
        remaining = Math.max(0, count);
        status = httpStatus;
    }

    /** Every request gets 429 for this long, as when an account exceeds its rate limit for a while. */
    synchronized void rateLimitBurst(java.time.Duration length) {
        burstEndsNanos = System.nanoTime() + length.toNanos();
    }

    /** The status to fail this request with, or 0 to serve it. */
    synchronized int take() {
        if (burstEndsNanos - System.nanoTime() > 0) {
            return 429;
        }
        if (remaining == 0) {
            return 0;
        }
        remaining--;
        return status;
    }
}
