package io.paystream.catalog.reconcile;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import io.paystream.catalog.reconcile.ReconcileCursors.Cursor;
import io.paystream.catalog.sync.SyncLocks;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One pass over one target, under its lock. Oldest first by paging towards newer events with {@code ending_before}
 * from the cursor's event: each page (Stripe answers it newest first) is published reversed, acknowledged, and only
 * then is its newest event stored as the cursor, so a pass that dies publishes at most one page again and the events
 * keep Stripe's order. Chosen over reading a window newest first and publishing it reversed: that needs the whole
 * window in memory, or every page read twice.
 *
 * <p>A cursor that is only a time (the first pass: now minus the look-back) starts after the newest event created
 * before it; when Stripe has none that old, the oldest event since that time is found by paging back through them
 * (ids only, one page at a time) once.
 */
final class TargetReconciliation {

    /** The endpoint id header of reconciled events: no webhook endpoint received them. */
    static final String ENDPOINT_ID = "paystream-reconcile";

    /** How a pass ended. */
    enum Outcome {
        SUCCEEDED,
        GAP,
        FAILED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param gapDetail why the cursor had to be given up, when it had */
    record Result(Outcome outcome, long published, @Nullable String gapDetail) {}

    /** Stripe no longer has some of the events since the cursor. */
    static final class GapException extends Exception {
        GapException(String message) {
            super(message);
        }
    }

    private final SyncTarget target;
    private final StripeClient client;
    private final String tenant;
    private final ReconcileCursors cursors;
    private final StripeEventsPublisher publisher;
    private final ReconcileMetrics metrics;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final SyncLocks.TargetLock lock;
    private long published;

    TargetReconciliation(
            SyncTarget target,
            StripeClient client,
            String tenant,
            ReconcileCursors cursors,
            StripeEventsPublisher publisher,
            ReconcileMetrics metrics,
            ReconcileProperties properties,
            Clock clock,
            SyncLocks.TargetLock lock) {
        this.target = target;
        this.client = client;
        this.tenant = tenant;
        this.cursors = cursors;
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.lock = lock;
    }

    /**
     * @throws StripeException when Stripe failed beyond the retries; the cursor stays where the last page left it
     * @throws StripeEventsPublisher.NotAcknowledgedException when Kafka did not acknowledge a page
     */
    Result run() throws StripeException, GapException {
        Instant now = clock.instant();
        Cursor cursor = cursors.load(target).orElseGet(() -> new Cursor(null, now.minus(properties.lookBack())));
        if (cursor.created().isBefore(now.minus(properties.retention()))) {
            throw new GapException("the cursor (" + cursor.created() + ") is older than Stripe's event retention ("
                    + properties.retention() + ")");
        }
        metrics.cursor(target, cursor.created());
        String anchor = cursor.eventId();
        if (anchor == null) {
            Optional<Cursor> start = start(cursor.created());
            if (start.isEmpty()) {
                // no event at all since the cursor's time: the next pass starts from this one's, so an account
                // without events never ages into a gap
                Cursor empty = new Cursor(null, now);
                cursors.store(target, empty, Outcome.SUCCEEDED.value(), null, 0, now);
                metrics.cursor(target, now);
                return new Result(Outcome.SUCCEEDED, 0, null);
            }
            cursor = start.get();
            anchor = cursor.eventId();
        }
        EventsPage page;
        do {
            try {
                page = EventsApi.newerThan(client, anchor, properties.pageSize());
            } catch (StripeException e) {
                if (EventsApi.anchorGone(e)) {
                    throw new GapException("Stripe no longer has the cursor's event " + anchor + " (created "
                            + cursor.created() + "): events since were lost to its retention");
                }
                throw e;
            }
            List<ListedEvent> events = page.oldestFirst();
            if (!events.isEmpty()) {
                ListedEvent newest = events.get(events.size() - 1);
                cursor = publish(events, new Cursor(newest.id(), newest.created()));
                anchor = newest.id();
            }
            if (!lock.extend()) {
                throw new IllegalStateException("the reconciliation lock of " + target.key() + " was lost");
            }
        } while (page.hasMore());
        cursors.store(target, cursor, Outcome.SUCCEEDED.value(), null, published, clock.instant());
        return new Result(Outcome.SUCCEEDED, published, null);
    }

    /**
     * Where a time-only cursor continues from: the newest event before it (nothing to publish), else the oldest since
     * it (published first); empty when Stripe has no event at all since the time.
     */
    private Optional<Cursor> start(Instant from) throws StripeException {
        Optional<ListedEvent> before = EventsApi.newestBefore(client, from);
        if (before.isPresent()) {
            return Optional.of(new Cursor(before.get().id(), before.get().created()));
        }
        ListedEvent oldest = null;
        EventsPage page;
        String after = null;
        do {
            page = EventsApi.since(client, from, after, properties.pageSize());
            if (!page.events().isEmpty()) {
                oldest = page.events().get(page.events().size() - 1);
                after = oldest.id();
            }
        } while (page.hasMore());
        if (oldest == null) {
            return Optional.empty();
        }
        return Optional.of(publish(List.of(oldest), new Cursor(oldest.id(), oldest.created())));
    }

    private Cursor publish(List<ListedEvent> events, Cursor next) {
        Instant receivedAt = clock.instant();
        List<StripeEventsPublisher.Outgoing> records = new ArrayList<>(events.size());
        for (ListedEvent event : events) {
            records.add(new StripeEventsPublisher.Outgoing(
                    event.key(), event.json().getBytes(StandardCharsets.UTF_8), headers(event, receivedAt)));
        }
        publisher.publishAll(Topics.STRIPE_EVENTS, records);
        published += events.size();
        metrics.published(target, events.size());
        cursors.store(target, next, "running", null, published, clock.instant());
        metrics.cursor(target, next.created());
        return next;
    }

    /** An event's headers as webhook-ingest writes them, with the reconciliation endpoint and source. */
    private Map<String, String> headers(ListedEvent event, Instant receivedAt) {
        String platformOrOwn = SyncTargetNames.PLATFORM.equals(target.account()) ? null : target.account();
        Map<String, String> headers = new StripeEventMetadata(
                        new StripeEventId(event.id()),
                        event.type(),
                        EventShape.SNAPSHOT,
                        event.account() != null ? event.account() : platformOrOwn,
                        event.livemode(),
                        event.apiVersion(),
                        event.created(),
                        ENDPOINT_ID,
                        tenant,
                        receivedAt)
                .toHeaders();
        headers.put(StripeEventHeaders.SOURCE, EventSource.RECONCILIATION.headerValue());
        return headers;
    }
}
