package io.paystream.support;

/**
 * The Spring profile production runs with. Under it a service refuses every public development fallback (the
 * development encryption key, catalog-sync's development admin token) instead of starting with it.
 */
public final class LiveProfile {

    public static final String NAME = "live";

    private LiveProfile() {}
}
