package io.paystream.catalog.sync;

import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.runs.RunDocuments;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the "time since last successful sync" gauges from MongoDB, so every instance reports successes of runs that
 * other instances made, and every known target is reported even before its first run here.
 */
@Component
class LastSuccessRefresher {

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LastSuccessRefresher.class);

    private final SyncRuns runs;
    private final SyncTargets targets;
    private final CatalogMetrics metrics;

    LastSuccessRefresher(SyncRuns runs, SyncTargets targets, CatalogMetrics metrics) {
        this.runs = runs;
        this.targets = targets;
        this.metrics = metrics;
    }

    void refresh() {
        try {
            targets.all().forEach(t -> metrics.watch(t.account(), SyncTargetNames.mode(t.livemode())));
            for (Document success : runs.lastSuccesses()) {
                Date at = success.getDate(RunDocuments.FINISHED_AT);
                if (at != null) {
                    metrics.succeeded(
                            success.getString(RunDocuments.ACCOUNT),
                            SyncTargetNames.mode(success.getBoolean(RunDocuments.LIVEMODE)),
                            at.toInstant());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not read the last successful syncs: {}", e.toString());
        }
    }
}
