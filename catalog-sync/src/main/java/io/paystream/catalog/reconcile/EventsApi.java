package io.paystream.catalog.reconcile;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The three reads reconciliation makes of {@code GET /v1/events}, through the target's guarded client (the mode's
 * rate limiter and retry policy apply to each). Stripe lists newest first; {@code ending_before} pages towards newer
 * events, answering the {@code limit} events just newer than the given one, newest first.
 */
final class EventsApi {

    private EventsApi() {}

    /** The events just newer than {@code anchor}. */
    static EventsPage newerThan(StripeClient client, String anchor, int limit) throws StripeException {
        return get(client, "/v1/events?limit=" + limit + "&ending_before=" + anchor);
    }

    /** The newest event created before {@code time}: where a cursor without an event id continues from. */
    static Optional<ListedEvent> newestBefore(StripeClient client, Instant time) throws StripeException {
        EventsPage page = get(client, "/v1/events?limit=1&created[lt]=" + time.getEpochSecond());
        return page.events().stream().findFirst();
    }

    /** The newest event: where a cursor moved to now continues from. */
    static Optional<ListedEvent> newest(StripeClient client) throws StripeException {
        return get(client, "/v1/events?limit=1").events().stream().findFirst();
    }

    /** A page of events created at or after {@code from}, newest first, after {@code startingAfter} (null: the first). */
    static EventsPage since(StripeClient client, Instant from, @Nullable String startingAfter, int limit)
            throws StripeException {
        return get(
                client,
                "/v1/events?limit=" + limit + "&created[gte]=" + from.getEpochSecond()
                        + (startingAfter == null ? "" : "&starting_after=" + startingAfter));
    }

    /** Stripe no longer has the event a cursor names (retention): it answers 400/404 about that parameter. */
    static boolean anchorGone(StripeException e) {
        return e instanceof InvalidRequestException invalid
                && ("ending_before".equals(invalid.getParam()) || "resource_missing".equals(invalid.getCode()));
    }

    private static EventsPage get(StripeClient client, String path) throws StripeException {
        return EventsPage.parse(
                client.rawRequest(ApiResource.RequestMethod.GET, path, null).body());
    }
}
