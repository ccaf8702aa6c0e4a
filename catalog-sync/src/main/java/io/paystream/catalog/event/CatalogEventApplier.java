package io.paystream.catalog.event;

import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.catalog.product.CatalogWriter.EventOutcome;
import io.paystream.catalog.product.CatalogWriter.EventWrite;
import io.paystream.catalog.product.SellableValidation;
import io.paystream.catalog.product.SellableValidation.ProductRef;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Applies a polled batch of {@code product.*} and {@code price.*} snapshot events between full syncs, with the same
 * order rule as the sync ({@link CatalogWriter}): each object's events in record order, an event older than the stored
 * state changes nothing, a deletion archives. Then the sellable verdicts of the products the batch touched are
 * re-evaluated, all at once. A batch costs a fixed number of round trips (two per collection written, three for the
 * verdicts) instead of four or five per event.
 *
 * <p>Products are re-evaluated whatever their events' outcome, stale included: a batch that failed after its writes
 * and before the re-check is delivered again, finds its events stale, and must still leave the verdicts right. A
 * verdict is a function of the stored state, so evaluating it once more never changes a right one.
 */
@Component
class CatalogEventApplier {

    private static final Set<String> UPSERTS =
            Set.of("product.created", "product.updated", "price.created", "price.updated");
    private static final Set<String> DELETIONS = Set.of("product.deleted", "price.deleted");

    private final CatalogWriter writer;
    private final SellableValidation validation;
    private final CatalogMetrics metrics;
    private final SkippedEvents skipped;
    private final Clock clock;

    CatalogEventApplier(
            CatalogWriter writer,
            SellableValidation validation,
            CatalogMetrics metrics,
            SkippedEvents skipped,
            Clock clock) {
        this.writer = writer;
        this.validation = validation;
        this.metrics = metrics;
        this.skipped = skipped;
        this.clock = clock;
    }

    /** Whether events of this type are this applier's; all others are passed over on their header alone. */
    static boolean handles(String type) {
        return type.startsWith("product.") || type.startsWith("price.");
    }

    /**
     * One record of a batch whose type this applier {@link #handles}.
     *
     * @param index the record's position in the polled batch
     * @param origin where the record is, {@code topic-partition@offset}, for the log
     */
    record Incoming(int index, StripeEventMetadata metadata, byte @Nullable [] body, String origin) {}

    /**
     * Applies the batch. An unreadable event is skipped and counted on the spot, never holding up the others.
     *
     * @throws BatchFailedException when MongoDB failed (or other writers kept winning): nothing of the batch is known
     *     to be complete from its first readable event on, which the exception names
     */
    void applyAll(List<Incoming> batch) {
        List<Readable> readable = new ArrayList<>(batch.size());
        for (Incoming incoming : batch) {
            StripeEventMetadata metadata = incoming.metadata();
            String type = metadata.type();
            boolean deletion = DELETIONS.contains(type);
            if (metadata.shape() != EventShape.SNAPSHOT || !(deletion || UPSERTS.contains(type))) {
                metrics.event(type, "ignored"); // thin events carry no object; the next full sync reads it
                continue;
            }
            try {
                readable.add(new Readable(incoming, EventBodies.read(metadata, incoming.body(), deletion)));
            } catch (UnreadableEventException e) {
                skipped.skipped(type, incoming.origin(), e);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        List<EventOutcome> outcomes;
        try {
            outcomes = writer.writeEvents(readable.stream().map(Readable::write).toList());
            Set<ProductRef> touched = new LinkedHashSet<>();
            for (Readable event : readable) {
                String productId = event.write().object().productId();
                if (productId != null) {
                    touched.add(new ProductRef(
                            event.write().account(), event.write().livemode(), productId));
                }
            }
            validation.revalidate(touched);
        } catch (RuntimeException e) {
            throw new BatchFailedException(readable.get(0).incoming().index(), e);
        }
        count(readable, outcomes, clock.instant());
    }

    /** Per event, once its batch is written and re-checked, so a batch that fails and comes again counts once. */
    private void count(List<Readable> readable, List<EventOutcome> outcomes, Instant written) {
        for (int i = 0; i < readable.size(); i++) {
            Readable event = readable.get(i);
            EventOutcome outcome = outcomes.get(i);
            String kind = event.write().object().kind().tag();
            metrics.objects(
                    kind,
                    outcome == EventOutcome.STALE ? "stale" : event.write().deletion() ? "archived" : "upserted",
                    "event",
                    1);
            metrics.event(event.incoming().metadata().type(), outcome.name().toLowerCase(Locale.ROOT));
            if (outcome == EventOutcome.APPLIED) {
                metrics.pipelineLatency(
                        Duration.between(event.incoming().metadata().receivedAt(), written));
            }
        }
    }

    private record Readable(Incoming incoming, EventWrite write) {}

    /**
     * MongoDB failed while applying a batch: the records before {@link #index()} are done (ignored, or skipped as
     * unreadable), from there on nothing is known to be complete. Applying them again is safe: the order rule makes
     * what was written stale.
     */
    static class BatchFailedException extends RuntimeException {

        private final int index;

        BatchFailedException(int index, RuntimeException cause) {
            super("applying a batch of catalog events failed from record " + index + ": " + cause.getMessage(), cause);
            this.index = index;
        }

        /** The first record of the polled batch not known to be done. */
        int index() {
            return index;
        }
    }
}
