package io.paystream.worker.apply;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Refetch mode: the current state of an event's object, read from the Stripe API, for the one case the payloads
 * cannot settle: two events of the same object in the same second with the same status precedence (for example two
 * {@code customer.subscription.updated} that change only the quantity). Without it such ties are broken by event id,
 * which is deterministic but may keep the older of the two payloads.
 */
public interface ObjectRefetcher {

    /** Refetch mode off: every tie is broken by event id. */
    ObjectRefetcher NONE = event -> Optional.empty();

    /**
     * The object as Stripe holds it now, or empty when it cannot be had (mode off, no key for the mode or account, a
     * rate limit, Stripe unreachable): the caller then falls back to the event-id tie-break. Never throws.
     */
    Optional<JsonNode> current(StripeEvent event);
}
