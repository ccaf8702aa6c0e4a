package io.paystream.worker.apply;

import static io.paystream.worker.apply.StoredFields.DELETED;
import static io.paystream.worker.apply.StoredFields.DELETED_AT;

import io.paystream.events.EventSource;
import io.paystream.events.StripeEventMetadata;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Turns one record into a {@link Prepared} without reading the store: parses the body, checks it against the record's
 * headers, picks the projection and computes the state and its {@link OrderKey}. Pure: no I/O.
 */
final class EventPreparation {

    private final StripeEventParser parser = new StripeEventParser();
    private final Map<String, Projection> projections;

    EventPreparation(List<Projection> projections) {
        this.projections =
                projections.stream().collect(Collectors.toUnmodifiableMap(Projection::objectType, Function.identity()));
    }

    /**
     * @param metadata the record's headers, or {@code null} for a bare body
     * @param source the record's {@code paystream-source} header, or {@code null} for a bare body
     * @throws PoisonEventException when the record can never be applied
     */
    Prepared prepare(
            int index, @Nullable StripeEventMetadata metadata, @Nullable EventSource source, byte @Nullable [] body) {
        StripeEvent event = parser.parse(body, source);
        if (event == null) {
            // Thin events carry no snapshot: catalog-sync fetches their objects and sends them as fetched objects.
            return new Prepared.Ignored(
                    index,
                    metadata == null ? "v2.core.event" : metadata.type(),
                    source == null ? EventSource.WEBHOOK : source);
        }
        if (metadata != null) {
            checkHeadersMatch(metadata, event);
            event = withEndpointAccount(metadata, event);
        }
        Projection projection = projections.get(event.objectType());
        if (projection == null) {
            // Also a fetched object of a type this worker does not keep: catalog-sync fetches for every writer.
            return new Prepared.Ignored(index, event.type(), event.source());
        }
        return applicable(index, event, projection, event.id());
    }

    /**
     * The state {@code event} carries for {@code projection}, ordered as if its id were {@code orderEventId} (which
     * differs from the event's own id only for a refetched tie, see {@link Fold}).
     */
    static Prepared.Applicable applicable(int index, StripeEvent event, Projection projection, String orderEventId) {
        Document state = projection.state(event);
        if (event.isDeletion()) {
            // Deletion payloads may be stubs: keep what is stored instead of nulling it.
            state.values().removeIf(Objects::isNull);
            state.put(DELETED, true);
            state.put(DELETED_AT, Date.from(event.createdAt()));
        }
        boolean terminal = event.isDeletion() || projection.terminal(state);
        OrderKey key =
                new OrderKey(terminal, event.created(), projection.precedence(state), event.fetched(), orderEventId);
        return new Prepared.Applicable(index, event, projection, projection.aggregateId(event), state, key);
    }

    /**
     * An event whose body names no account but whose record does: it arrived on the webhook endpoint of an account
     * connected by its own API keys, and webhook-ingest put that endpoint's account in the header. The body says
     * nothing because, from that account's point of view, the event is its own.
     */
    private static StripeEvent withEndpointAccount(StripeEventMetadata metadata, StripeEvent event) {
        String account = metadata.account();
        if (!StripeEvent.PLATFORM.equals(event.account()) || account == null) {
            return event;
        }
        return new StripeEvent(
                event.id(),
                event.type(),
                event.created(),
                event.livemode(),
                account,
                event.objectType(),
                event.objectId(),
                event.object(),
                event.source());
    }

    private static void checkHeadersMatch(StripeEventMetadata metadata, StripeEvent event) {
        if (!metadata.eventId().value().equals(event.id())) {
            throw new PoisonEventException("header event id differs from body event id " + event.id());
        }
        if (metadata.livemode() != event.livemode()) {
            throw new PoisonEventException("header livemode differs from body livemode in event " + event.id());
        }
    }
}
