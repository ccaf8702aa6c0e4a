package io.paystream.catalog.backfill;

import java.util.Locale;

/** What started a backfill. */
enum BackfillTrigger {
    /** The weekly (configurable) full pass. */
    SCHEDULE,
    /** {@code POST /api/backfill}. */
    MANUAL,
    /** A connection became usable: its history is read once. */
    CONNECTION;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
