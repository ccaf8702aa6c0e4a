package io.paystream.catalog.reconcile;

import io.paystream.catalog.stripe.StripeListEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One answer of {@code GET /v1/events}, cut into its events without re-serialising them (each is the exact text Stripe
 * sent).
 *
 * @param events in Stripe's order: newest first
 * @param hasMore whether Stripe has more in the direction paged
 */
record EventsPage(List<ListedEvent> events, boolean hasMore) {

    /** @throws IllegalStateException when the body is not Stripe's list envelope of events */
    static EventsPage parse(String body) {
        StripeListEnvelope<ListedEvent> envelope =
                StripeListEnvelope.cut(body, object -> ListedEvent.of(object.json()));
        return new EventsPage(envelope.items(), envelope.hasMore());
    }

    /** Oldest first: the order reconciliation publishes in. */
    List<ListedEvent> oldestFirst() {
        List<ListedEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        return reversed;
    }
}
