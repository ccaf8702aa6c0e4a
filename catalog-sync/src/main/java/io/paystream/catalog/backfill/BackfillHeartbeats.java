package io.paystream.catalog.backfill;

import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.sync.SyncLocks;
import io.paystream.catalog.sync.SyncTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps running backfills alive from a thread of their own, so one waiting out a long Stripe backoff or a slow Kafka
 * keeps its locks: every {@code paystream.catalog.runs.heartbeat} it extends them and records the counts; every
 * {@code progress-log-interval} it logs one line of progress. A lock that cannot be extended stops the run.
 */
@Component
class BackfillHeartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackfillHeartbeats.class);

    private final BackfillRuns runs;
    private final long periodMillis;
    private final Duration logInterval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catalog-backfill-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    BackfillHeartbeats(BackfillRuns runs, CatalogProperties catalog, BackfillProperties properties) {
        this.runs = runs;
        this.periodMillis = catalog.runs().heartbeat().toMillis();
        this.logInterval = properties.progressLogInterval();
    }

    /** Starts beating for a run; cancel the returned future when the run ends. */
    ScheduledFuture<?> start(String runId, SyncTarget target, BackfillProgress progress) {
        Instant[] lastLog = {progress.startedAt()};
        return executor.scheduleWithFixedDelay(
                () -> {
                    beat(runId, target, progress);
                    Instant now = progress.now();
                    if (!now.isBefore(lastLog[0].plus(logInterval))) {
                        lastLog[0] = now;
                        logProgress(runId, target, progress);
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    private void beat(String runId, SyncTarget target, BackfillProgress progress) {
        try {
            for (SyncLocks.TargetLock lock : progress.locks) {
                // a lock released on purpose since this beat began (the catalog sync's, once products and prices are
                // read) was removed from the list first: failing to extend it is no loss
                if (!lock.extend() && progress.locks.contains(lock)) {
                    progress.lockLost();
                    return;
                }
            }
            runs.heartbeat(runId, target, progress);
        } catch (RuntimeException e) {
            // MongoDB unreachable for a moment: the lock lasts lock-timeout, later beats may still succeed
            log.warn("backfill heartbeat of {} failed: {}", target, e.toString());
        }
    }

    private static void logProgress(String runId, SyncTarget target, BackfillProgress progress) {
        TypeProgress current = progress.current();
        long done = progress.types.values().stream()
                .filter(type -> type.status() != BackfillStatus.QUEUED && type.status() != BackfillStatus.RUNNING)
                .count();
        log.info(
                "backfill {} of {}: {} objects in {} pages so far; reading {} ({} objects); {} of {} types done;"
                        + " {} Stripe requests, {} answered 429",
                runId,
                target.key(),
                progress.objects(),
                progress.pages(),
                current == null ? "-" : current.type.value(),
                current == null ? 0 : current.objects.get(),
                done,
                progress.types.size(),
                progress.apiCalls.get(),
                progress.rateLimited.get());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
