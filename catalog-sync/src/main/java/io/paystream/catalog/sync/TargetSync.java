package io.paystream.catalog.sync;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductListParams;
import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogObject.Kind;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.catalog.product.SellableValidation;
import io.paystream.catalog.stripe.StripeClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A full sync of one target: list every product, then every price, with stripe-java's auto-paging (100 per page),
 * writing each page as one bulk write as it arrives, so memory holds one page however large the catalog. Only after
 * both listings completed are the objects they did not contain archived, and the products validated: a run that stops
 * early archives nothing, and the next run picks up from the documents already written.
 */
@Component
class TargetSync {

    static final long PAGE_SIZE = 100;
    private static final String SOURCE = "sync";

    private final StripeClients clients;
    private final CatalogWriter writer;
    private final SellableValidation validation;
    private final CatalogMetrics metrics;
    private final int batchSize;

    TargetSync(
            StripeClients clients,
            CatalogWriter writer,
            SellableValidation validation,
            CatalogMetrics metrics,
            CatalogProperties properties) {
        this.clients = clients;
        this.writer = writer;
        this.validation = validation;
        this.metrics = metrics;
        this.batchSize = properties.batchSize();
    }

    /**
     * @throws StripeException when Stripe failed in a way retries did not cure
     * @throws RunProgress.RunAbortedException when the run lost its lock or the service is stopping
     */
    void sync(SyncTarget target, String runId, Instant startedAt, RunProgress progress) throws StripeException {
        StripeClient client = clients.forTarget(target, progress);
        Iterable<Product> products = client.v1()
                .products()
                .list(ProductListParams.builder().setLimit(PAGE_SIZE).build())
                .autoPagingIterable();
        stream(target, runId, products, CatalogObject::of, progress, progress.counts.productsUpserted);
        Iterable<Price> prices = client.v1()
                .prices()
                .list(PriceListParams.builder().setLimit(PAGE_SIZE).build())
                .autoPagingIterable();
        stream(target, runId, prices, CatalogObject::of, progress, progress.counts.pricesUpserted);

        progress.checkContinue();
        long productsArchived =
                writer.archiveUnseen(Kind.PRODUCT, target.account(), target.livemode(), runId, startedAt);
        long pricesArchived = writer.archiveUnseen(Kind.PRICE, target.account(), target.livemode(), runId, startedAt);
        progress.counts.productsArchived.set(productsArchived);
        progress.counts.pricesArchived.set(pricesArchived);
        metrics.objects(Kind.PRODUCT.tag(), "archived", SOURCE, productsArchived);
        metrics.objects(Kind.PRICE.tag(), "archived", SOURCE, pricesArchived);

        progress.checkContinue();
        long invalid = validation.validateAll(target.account(), target.livemode());
        progress.counts.productsInvalid.set(invalid);
        metrics.objects(Kind.PRODUCT.tag(), "invalid", SOURCE, invalid);
    }

    private <T> void stream(
            SyncTarget target,
            String runId,
            Iterable<T> listing,
            Function<T, CatalogObject> map,
            RunProgress progress,
            AtomicLong upserted)
            throws StripeException {
        List<CatalogObject> batch = new ArrayList<>(batchSize);
        Instant batchFetchedAt = null;
        Iterator<T> items = listing.iterator();
        while (items.hasNext()) {
            progress.checkContinue();
            CatalogObject object = map.apply(next(items));
            Instant fetchedAt = progress.lastAnsweredAt();
            // a batch never spans two pages, so each object is ordered by the fetch time of its own page
            if (batch.size() >= batchSize || (batchFetchedAt != null && !batchFetchedAt.equals(fetchedAt))) {
                write(target, runId, batch, batchFetchedAt, progress, upserted);
            }
            batchFetchedAt = fetchedAt;
            batch.add(object);
        }
        write(target, runId, batch, batchFetchedAt, progress, upserted);
    }

    private void write(
            SyncTarget target,
            String runId,
            List<CatalogObject> batch,
            @Nullable Instant fetchedAt,
            RunProgress progress,
            AtomicLong upserted) {
        if (batch.isEmpty()) {
            return;
        }
        // a batch gets the fetch time of its page with its first object
        Instant pageFetchedAt = Objects.requireNonNull(fetchedAt);
        progress.checkContinue();
        String kind = batch.get(0).kind().tag();
        CatalogWriter.BatchOutcome outcome =
                writer.writeListed(target.account(), target.livemode(), runId, batch, pageFetchedAt);
        upserted.addAndGet(outcome.written() + outcome.unchanged());
        progress.counts.staleSkipped.addAndGet(outcome.stale());
        metrics.objects(kind, "upserted", SOURCE, outcome.written());
        metrics.objects(kind, "unchanged", SOURCE, outcome.unchanged());
        metrics.objects(kind, "stale", SOURCE, outcome.stale());
        batch.clear();
    }

    /** stripe-java's pager wraps a failed page fetch in a RuntimeException; the Stripe error is what matters. */
    private static <T> T next(Iterator<T> items) throws StripeException {
        try {
            return items.next(); // fetches the next page when the current one is used up
        } catch (RuntimeException e) {
            if (e.getCause() instanceof StripeException stripe) {
                throw stripe;
            }
            throw e;
        }
    }
}
