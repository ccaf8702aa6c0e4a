package io.paystream.worker.apply;

import static io.paystream.worker.apply.StoredFields.*;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.paystream.support.outbox.OutboxDocuments;
import io.paystream.support.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate's stored document with events for it applied in memory, by the order rules of {@link OrderKey}: an
 * event id in the dedupe window is a duplicate, a key not greater than the stored one is stale, anything else is
 * applied; an applied event that leaves the state fields unchanged emits no domain event, nor does a fetched object
 * that is the aggregate's first state. Pure: the caller reads the
 * original document and writes {@link #writeModel}, conditional on the version it read.
 */
final class Fold {

    /**
     * Appended to the stored event id when a refetched state replaces a tie the incoming event would lose by id: the
     * key must grow for the write to count as newer, and a suffix sorts after the id it extends.
     */
    static final String REFETCHED_SUFFIX = "+refetched";

    private static final List<String> ORDER_FIELDS =
            List.of(LAST_EVENT_ID, LAST_EVENT_CREATED, LAST_EVENT_TYPE, PRECEDENCE, TERMINAL);

    private final Projection projection;
    private final String id;
    private final @Nullable Document original;
    private final Rules rules;
    private @Nullable Document working;
    private final List<String> recent;
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private int applied;

    /**
     * What a fold needs besides the document: the size of the dedupe window, the refetcher that settles ties, and the
     * builder of outbox entries.
     */
    record Rules(int recentEventIds, ObjectRefetcher refetcher, OutboxEntries outboxEntries) {}

    /** @param original the stored document without its outbox, or {@code null} when the aggregate is new */
    Fold(Projection projection, String id, @Nullable Document original, Rules rules) {
        this.projection = projection;
        this.id = id;
        this.original = original;
        this.rules = rules;
        this.working = original == null ? null : new Document(original);
        this.recent = original == null
                ? new ArrayList<>()
                : new ArrayList<>(original.getList(RECENT_EVENT_IDS, String.class, List.of()));
    }

    /** Whether any event was applied, i.e. there is something to write. */
    boolean dirty() {
        return applied > 0;
    }

    /** Whether the write creates the document. */
    boolean creates() {
        return original == null;
    }

    /**
     * Applies {@code p} in memory if the order rules let it.
     *
     * @throws PoisonEventException when the event contradicts the stored object (other mode or account)
     */
    ApplyResult offer(Prepared.Applicable p) {
        StripeEvent event = p.event();
        Document current = working;
        if (current != null) {
            checkSameAggregate(current, event, id);
            if (recent.contains(event.id())) {
                return ApplyResult.of(ApplyOutcome.DUPLICATE, event.type());
            }
            OrderKey stored = OrderKey.stored(current);
            p = settleTie(p, stored);
            if (p.key().compareTo(stored) <= 0) {
                return ApplyResult.of(ApplyOutcome.STALE, event.type());
            }
        }
        List<OutboxEntry> entries = unchanged(current, p.state()) || firstSightOfHistory(current, event)
                ? List.of()
                : rules.outboxEntries()
                        .of(projection.changes(current, new Document(p.state()).append(ID, id)), event, id);
        Document next = current != null
                ? current
                : new Document(ID, id)
                        .append(ACCOUNT, event.account())
                        .append(LIVEMODE, event.livemode())
                        .append(DELETED, false)
                        .append(DELETED_AT, null);
        next.putAll(p.state());
        next.putAll(lastEvent(event, p.key()));
        working = next;
        touched.addAll(p.state().keySet());
        recent.add(event.id());
        if (recent.size() > rules.recentEventIds()) {
            recent.subList(0, recent.size() - rules.recentEventIds()).clear();
        }
        outbox.addAll(entries);
        applied++;
        return new ApplyResult(ApplyOutcome.APPLIED, event.type(), projection.collection(), id, entries);
    }

    /**
     * The write of everything applied: an insert for a new aggregate, else an update conditional on the version read.
     * Only meaningful when {@link #dirty()}.
     */
    WriteModel<Document> writeModel(Date now) {
        Document state = Objects.requireNonNull(working, "nothing applied");
        if (original == null) {
            Document document = new Document(state)
                    .append(CREATED_AT, now)
                    .append(UPDATED_AT, now)
                    .append(VERSION, (long) applied)
                    .append(RECENT_EVENT_IDS, recent)
                    .append(OUTBOX, OutboxDocuments.toDocuments(outbox));
            return new InsertOneModel<>(document);
        }
        long version = Fields.longOr(original, VERSION, 0);
        Document set = new Document();
        touched.forEach(field -> set.put(field, state.get(field)));
        ORDER_FIELDS.forEach(field -> set.put(field, state.get(field)));
        set.append(UPDATED_AT, now).append(VERSION, version + applied).append(RECENT_EVENT_IDS, recent);
        Document update = new Document("$set", set);
        if (!outbox.isEmpty()) {
            update.append("$push", new Document(OUTBOX, new Document("$each", OutboxDocuments.toDocuments(outbox))));
        }
        Bson filter = Filters.and(
                Filters.eq(ID, id), Filters.eq(LIVEMODE, original.getBoolean(LIVEMODE)), Filters.eq(VERSION, version));
        return new UpdateOneModel<>(filter, update);
    }

    /**
     * In refetch mode, an event that ties with the stored state on everything but its id is replaced by the object
     * Stripe holds now. That state is at least as new as both tied events, so it is applied whichever id is greater,
     * and it keeps the greater id: later events of that second with a smaller id are stale, a greater one ties again
     * and is refetched again.
     */
    private Prepared.Applicable settleTie(Prepared.Applicable p, OrderKey stored) {
        if (!p.key().tiesWith(stored) || p.event().isDeletion()) {
            return p;
        }
        StripeEvent event = p.event();
        return rules.refetcher()
                .current(event)
                .map(object -> {
                    StripeEvent refetched = new StripeEvent(
                            event.id(),
                            event.type(),
                            event.created(),
                            event.livemode(),
                            event.account(),
                            event.objectType(),
                            event.objectId(),
                            object,
                            event.source());
                    String winner = event.id().compareTo(stored.eventId()) > 0
                            ? event.id()
                            : stored.eventId() + REFETCHED_SUFFIX;
                    return EventPreparation.applicable(p.index(), refetched, p.projection(), winner);
                })
                .orElse(p);
    }

    private static Document lastEvent(StripeEvent event, OrderKey key) {
        return new Document(LAST_EVENT_ID, key.eventId())
                .append(LAST_EVENT_CREATED, Date.from(event.createdAt()))
                .append(LAST_EVENT_TYPE, event.type())
                .append(PRECEDENCE, key.precedence())
                .append(TERMINAL, key.terminal());
    }

    /**
     * History is not news: a fetched object of an aggregate this worker has never seen (a backfill listing a
     * two-year-old paid invoice) is stored without a domain event, since no transition was observed. Once the object is
     * known, a fetched state that changes it reports that transition, as an event would: the webhooks missed it.
     */
    private static boolean firstSightOfHistory(@Nullable Document current, StripeEvent event) {
        return current == null && event.fetched();
    }

    private static boolean unchanged(@Nullable Document current, Document state) {
        if (current == null) {
            return false;
        }
        for (Map.Entry<String, Object> field : state.entrySet()) {
            if (!Objects.equals(current.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void checkSameAggregate(Document current, StripeEvent event, String id) {
        if (!Objects.equals(current.getBoolean(LIVEMODE), event.livemode())) {
            throw new PoisonEventException("event " + event.id() + " has livemode " + event.livemode()
                    + " but stored object " + id + " has the other mode");
        }
        if (!Objects.equals(current.getString(ACCOUNT), event.account())) {
            throw new PoisonEventException(
                    "event " + event.id() + " belongs to another account than stored object " + id);
        }
    }
}
