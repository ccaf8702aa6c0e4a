package io.paystream.worker.apply;

import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.StripeOrigin;
import io.paystream.support.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps the {@link DomainChange}s a projection found into CloudEvents for {@code payments.events}, keyed by the
 * aggregate id, as outbox entries the relay publishes. The CloudEvent id is derived from the Stripe event id and the
 * type, so a re-applied event yields the same ids and consumers can de-duplicate. Events that did not come from a
 * webhook are marked with their {@code paystreamsource} (reconciliation, backfill, thin_event); webhook-driven ones
 * carry no such attribute. Pure but for the clock that stamps the entries.
 */
final class OutboxEntries {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    OutboxEntries(Clock clock) {
        this.clock = clock;
    }

    List<OutboxEntry> of(List<DomainChange> changes, StripeEvent event, String aggregateId) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<OutboxEntry> entries = new ArrayList<>(changes.size());
        StripeOrigin origin =
                new StripeOrigin(aggregateId, event.objectType(), event.account(), event.livemode(), event.id());
        for (DomainChange change : changes) {
            DomainEvent domainEvent =
                    DomainEvent.of(origin, event.createdAt(), change.payload()).markedWith(event.source());
            entries.add(OutboxEntry.cloudEvent(
                    domainEvent.id(),
                    domainEvent.type(),
                    Topics.PAYMENTS_EVENTS,
                    aggregateId,
                    json.writeValueAsString(domainEvent),
                    now));
        }
        return entries;
    }
}
