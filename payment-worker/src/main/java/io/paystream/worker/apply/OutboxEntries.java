package io.paystream.worker.apply;

import static io.paystream.worker.apply.StoredFields.OUTBOX_AT;
import static io.paystream.worker.apply.StoredFields.OUTBOX_EVENT;
import static io.paystream.worker.apply.StoredFields.OUTBOX_ID;
import static io.paystream.worker.apply.StoredFields.OUTBOX_TYPE;

import io.paystream.events.domain.DomainEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps the {@link DomainChange}s a projection found into CloudEvents, in the shape the {@code outbox} array stores and
 * the relay publishes. The CloudEvent id is derived from the Stripe event id and the type, so a re-applied event yields
 * the same ids and consumers can de-duplicate. Pure but for the clock that stamps the entries.
 */
final class OutboxEntries {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    OutboxEntries(Clock clock) {
        this.clock = clock;
    }

    List<Document> of(List<DomainChange> changes, StripeEvent event, String aggregateId) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> entries = new ArrayList<>(changes.size());
        for (DomainChange change : changes) {
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("objectId", aggregateId);
            data.put("objectType", event.objectType());
            data.put("account", event.account());
            data.put("livemode", event.livemode());
            data.put("stripeEventId", event.id());
            data.putAll(change.data());
            DomainEvent domainEvent =
                    DomainEvent.of(event.id(), event.account(), change.type(), aggregateId, event.createdAt(), data);
            entries.add(new Document(OUTBOX_ID, domainEvent.id())
                    .append(OUTBOX_TYPE, domainEvent.type())
                    .append(OUTBOX_AT, now)
                    .append(OUTBOX_EVENT, json.writeValueAsString(domainEvent)));
        }
        return entries;
    }
}
