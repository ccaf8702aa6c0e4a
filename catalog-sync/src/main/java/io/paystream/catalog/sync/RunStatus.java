package io.paystream.catalog.sync;

import java.util.Locale;

/** Where a target's run stands. Only a run that listed everything, archived and validated ends {@link #SUCCEEDED}. */
public enum RunStatus {
    /** Accepted by {@code POST /api/catalog/sync}, waiting for a worker thread. */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Stopped by an error after writing some objects: what was written is current, nothing was archived. */
    PARTIAL,
    /** Stopped by an error before writing anything, or abandoned by an instance that died. */
    FAILED,
    /** Another instance held the target's lock: it was running or had just run the same sync. */
    SKIPPED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
