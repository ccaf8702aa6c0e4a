package io.paystream.worker.apply;

import io.paystream.events.EventSource;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.fetched.FetchedObject;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Fetched objects as catalog-sync writes them to {@code stripe.events}, built with shared-events' own record. */
final class Fetches {

    static final String TENANT = "tenant_test";

    private Fetches() {}

    /** A platform test-mode object listed by backfill run {@code run}, fetched 250 ms into {@code second}. */
    static FetchedObject backfill(String run, long second, String objectJson) {
        return of(run, second, null, EventSource.BACKFILL, objectJson);
    }

    static FetchedObject of(
            String scope, long second, @Nullable String account, EventSource source, String objectJson) {
        return FetchedObject.of(
                objectJson,
                account,
                false,
                Instant.ofEpochSecond(second).plusMillis(250),
                source,
                scope,
                source == EventSource.BACKFILL ? scope : null);
    }

    /** The record's headers as the listener reads them. */
    static StripeEventMetadata metadata(FetchedObject fetched) {
        return StripeEventMetadata.fromHeaders(fetched.headers(TENANT)::get);
    }

    static EventSource source(FetchedObject fetched) {
        return EventSource.fromHeaders(fetched.headers(TENANT)::get);
    }
}
