package io.paystream.catalog.sync;

import io.paystream.catalog.CatalogProperties;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps running syncs alive from a thread of its own, so a run waiting out a long Stripe backoff keeps its lock: every
 * {@code runs.heartbeat} it extends the run's lock and records its progress and heartbeat time. A lock that cannot be
 * extended tells the run to stop.
 */
@Component
class RunHeartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

    private final SyncRuns runs;
    private final Clock clock;
    private final long periodMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catalog-sync-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    RunHeartbeats(SyncRuns runs, CatalogProperties properties, Clock clock) {
        this.runs = runs;
        this.clock = clock;
        this.periodMillis = properties.runs().heartbeat().toMillis();
    }

    /** Starts beating for a run; cancel the returned future when the run ends. */
    ScheduledFuture<?> start(String runId, SyncTarget target, SyncLocks.TargetLock lock, RunProgress progress) {
        return executor.scheduleWithFixedDelay(
                () -> beat(runId, target, lock, progress), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void beat(String runId, SyncTarget target, SyncLocks.TargetLock lock, RunProgress progress) {
        try {
            if (!lock.extend()) {
                progress.lockLost();
                return;
            }
            runs.heartbeat(runId, target, progress.counts, clock.instant());
        } catch (RuntimeException e) {
            // MongoDB unreachable for a moment: the lock lasts lock-timeout, later beats may still succeed
            log.warn("heartbeat of {} failed: {}", target, e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
