package io.paystream.catalog.backfill;

import java.util.Locale;

/** What started a backfill. */
enum BackfillTrigger {
    /** The weekly (configurable) full pass. */
    SCHEDULE,
    /** {@code POST /api/backfill}. */
    MANUAL,
    /** A connection became usable: its history is read once. */
    CONNECTION,
    /** Reconciliation found a gap older than Stripe's event retention: what the events no longer tell is re-read. */
    RECONCILIATION_GAP;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
