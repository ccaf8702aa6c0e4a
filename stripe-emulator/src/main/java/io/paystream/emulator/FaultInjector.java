package io.paystream.emulator;

/** Fails the next N API requests with one status, for retry and back-off tests. */
final class FaultInjector {

    private int remaining;
    private int status;

    synchronized void failNext(int count, int httpStatus) {
        remaining = Math.max(0, count);
        status = httpStatus;
    }

    /** The status to fail this request with, or 0 to serve it. */
    synchronized int take() {
        if (remaining == 0) {
            return 0;
        }
        remaining--;
        return status;
    }
}
