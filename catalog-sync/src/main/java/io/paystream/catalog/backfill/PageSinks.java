package io.paystream.catalog.backfill;

import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.net.ApiResource;
import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.catalog.sync.SyncTargets;
import io.paystream.events.EventSource;
import io.paystream.events.fetched.FetchedObject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a listed page goes: products and prices to the catalog (the same versioned page writes as a full sync's),
 * every other type to {@code stripe.events} as {@link FetchedObject}s for payment-worker. Either way the call returns
 * once the page is stored or acknowledged, never before.
 */
@Component
class PageSinks {

    static final String SOURCE = EventSource.BACKFILL.headerValue();

    private final FetchedObjectPublisher publisher;
    private final SyncTargets targets;
    private final CatalogWriter catalog;
    private final CatalogMetrics catalogMetrics;
    private final BackfillMetrics metrics;
    private final int batchSize;
    private final String defaultTenant;

    PageSinks(
            FetchedObjectPublisher publisher,
            SyncTargets targets,
            CatalogWriter catalog,
            CatalogMetrics catalogMetrics,
            BackfillMetrics metrics,
            CatalogProperties catalogProperties,
            ConnectionProperties connections) {
        this.publisher = publisher;
        this.targets = targets;
        this.catalog = catalog;
        this.catalogMetrics = catalogMetrics;
        this.metrics = metrics;
        this.batchSize = catalogProperties.batchSize();
        this.defaultTenant = connections.defaultTenant();
    }

    /** The tenant records of this target carry: its connection's, else the default tenant. Once per run. */
    String tenantOf(SyncTarget target) {
        return targets.tenantOf(target).orElse(defaultTenant);
    }

    /** @param tenant from {@link #tenantOf} */
    void hand(SyncTarget target, String tenant, String runId, BackfillType type, ListedPage page) {
        if (page.items().isEmpty()) {
            return;
        }
        if (type.catalog()) {
            writeToCatalog(target, runId, type, page);
        } else {
            publish(target, tenant, runId, page);
        }
        metrics.handedOn(type, SOURCE, page.items().size());
    }

    private void publish(SyncTarget target, String tenant, String runId, ListedPage page) {
        String account = SyncTargetNames.PLATFORM.equals(target.account()) ? null : target.account();
        List<FetchedObject> fetched = new ArrayList<>(page.items().size());
        for (ListedPage.Item item : page.items()) {
            fetched.add(FetchedObject.listed(
                    item.json(),
                    item.type(),
                    item.id(),
                    account,
                    target.livemode(),
                    page.fetchedAt(),
                    EventSource.BACKFILL,
                    runId,
                    runId));
        }
        publisher.publishAll(fetched, tenant);
    }

    private void writeToCatalog(SyncTarget target, String runId, BackfillType type, ListedPage page) {
        List<CatalogObject> objects = new ArrayList<>(page.items().size());
        for (String json : page.objects()) {
            objects.add(
                    type == BackfillType.PRODUCTS
                            ? CatalogObject.of(ApiResource.GSON.fromJson(json, Product.class))
                            : CatalogObject.of(ApiResource.GSON.fromJson(json, Price.class)));
        }
        String kind = objects.get(0).kind().tag();
        for (int from = 0; from < objects.size(); from += batchSize) {
            List<CatalogObject> batch = objects.subList(from, Math.min(objects.size(), from + batchSize));
            CatalogWriter.BatchOutcome outcome =
                    catalog.writeListed(target.account(), target.livemode(), runId, batch, page.fetchedAt());
            catalogMetrics.objects(kind, "upserted", SOURCE, outcome.written());
            catalogMetrics.objects(kind, "unchanged", SOURCE, outcome.unchanged());
            catalogMetrics.objects(kind, "stale", SOURCE, outcome.stale());
        }
    }
}
