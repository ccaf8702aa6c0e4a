package io.paystream.catalog.backfill;

import java.util.Locale;

/** Where a backfill of a target, or one type in it, stands. Only a run whose every listing completed ends succeeded. */
public enum BackfillStatus {
    /** Accepted, waiting for a thread (a run); not reached yet (a type). */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Some types completed or some objects were handed on, but not all: {@code reason} says what stopped it. */
    PARTIAL,
    /** Nothing completed and nothing was handed on; {@code reason} says why. */
    FAILED,
    /** Its instance stopped while it ran (crash, kill, lost lock); the next run of the target continued from it. */
    ABANDONED,
    /** Another instance was backfilling the target: that run covers the request. */
    SKIPPED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackfillStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
