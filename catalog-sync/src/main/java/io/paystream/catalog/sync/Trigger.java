package io.paystream.catalog.sync;

import java.util.Locale;

/** What started a run. Event-driven updates are not runs: they are applied one event at a time. */
public enum Trigger {
    SCHEDULE,
    MANUAL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
