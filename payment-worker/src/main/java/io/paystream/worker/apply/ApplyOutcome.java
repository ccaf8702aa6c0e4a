package io.paystream.worker.apply;

/** What happened to one event; the tag value of the events counter. */
public enum ApplyOutcome {
    APPLIED,
    DUPLICATE,
    STALE,
    IGNORED;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
