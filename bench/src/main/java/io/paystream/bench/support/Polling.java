package io.paystream.bench.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The harness's only pause: between polls of a process it is waiting for. Harness code, not a test. */
final class Polling {

    private Polling() {}

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
