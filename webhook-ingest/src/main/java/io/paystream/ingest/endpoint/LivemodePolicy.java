package io.paystream.ingest.endpoint;

/** Which of Stripe's modes an endpoint takes events from. A Connect endpoint in production receives both. */
public enum LivemodePolicy {
    LIVE,
    TEST,
    BOTH;

    public boolean accepts(boolean livemode) {
        return switch (this) {
            case LIVE -> livemode;
            case TEST -> !livemode;
            case BOTH -> true;
        };
    }
}
