package io.paystream.catalog.security;

/** The Spring profile production runs with: no development token, no development encryption key. */
public final class LiveProfile {

    public static final String NAME = "live";

    private LiveProfile() {}
}
