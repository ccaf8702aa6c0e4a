package io.paystream.ingest.endpoint;

import java.util.Locale;

/** What a record on the registry topic did; the {@code outcome} tag of {@code paystream.ingest.endpoint.registrations}. */
enum RegistrationOutcome {
    /** An endpoint was added or replaced. */
    REGISTERED,
    /** A tombstone removed an endpoint (or one that was already gone). */
    REMOVED,
    /** The id belongs to an endpoint from configuration, which wins. */
    IGNORED_CONFIGURED,
    /** Not a valid registration: bad JSON, missing fields, key and endpointId differ. */
    MALFORMED,
    /** A secret envelope could not be decrypted: unknown key id, or tampered. */
    UNDECRYPTABLE;

    private final String tag = name().toLowerCase(Locale.ROOT);

    String tag() {
        return tag;
    }
}
