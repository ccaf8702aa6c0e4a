package io.paystream.catalog.sync;

import com.mongodb.MongoException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.stripe.StripeKeys;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starts and finishes sync runs. A run covers one or more targets under one run id; each target is synced on the
 * {@code catalogSyncExecutor} under its cluster-wide lock, and ends with one {@link RunStatus}: succeeded only when
 * {@link TargetSync} went through to the end, otherwise partial or failed with the reason.
 */
@Service
public class CatalogSync {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

    private final SyncTargets targets;
    private final TargetSync targetSync;
    private final SyncRuns runs;
    private final SyncLocks locks;
    private final RunHeartbeats heartbeats;
    private final CatalogMetrics metrics;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration scheduledLockAtLeastFor;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    /** Targets queued or running here from a schedule tick, so a slow tick is not queued again by the next. */
    private final Set<String> scheduledHere = ConcurrentHashMap.newKeySet();

    CatalogSync(
            SyncTargets targets,
            TargetSync targetSync,
            SyncRuns runs,
            SyncLocks locks,
            RunHeartbeats heartbeats,
            CatalogMetrics metrics,
            TaskExecutor catalogSyncExecutor,
            Clock clock,
            CatalogProperties properties) {
        this.targets = targets;
        this.targetSync = targetSync;
        this.runs = runs;
        this.locks = locks;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.executor = catalogSyncExecutor;
        this.clock = clock;
        this.scheduledLockAtLeastFor = properties.schedule().lockAtLeastFor();
    }

    /** What a request started: the run id and its targets. */
    public record Started(String runId, List<SyncTarget> targets) {}

    /** A schedule tick: every target, each skipped without a trace where another instance holds its lock. */
    public Started syncAllScheduled() {
        String runId = newRunId();
        List<SyncTarget> all = targets.all();
        for (SyncTarget target : all) {
            metrics.watch(target.account(), SyncTargetNames.mode(target.livemode()));
            if (scheduledHere.add(target.key())) {
                submit(runId, target, Trigger.SCHEDULE, () -> scheduledHere.remove(target.key()));
            }
        }
        return new Started(runId, all);
    }

    /** A manual request: every target given gets a run document at once ({@code queued}), so its id can be polled. */
    public Started syncManually(List<SyncTarget> chosen) {
        String runId = newRunId();
        Instant now = clock.instant();
        for (SyncTarget target : chosen) {
            runs.queued(runId, target, Trigger.MANUAL, now);
            submit(runId, target, Trigger.MANUAL, () -> {});
        }
        return new Started(runId, chosen);
    }

    private void submit(String runId, SyncTarget target, Trigger trigger, Runnable whenDone) {
        try {
            executor.execute(() -> {
                try {
                    runTarget(runId, target, trigger);
                } catch (RuntimeException e) {
                    recordUnstarted(runId, target, trigger, e);
                } finally {
                    whenDone.run();
                }
            });
        } catch (RejectedExecutionException e) {
            whenDone.run();
            if (trigger == Trigger.MANUAL) {
                runs.finished(
                        runId,
                        target,
                        RunStatus.FAILED,
                        "not started: this instance's sync queue is full or it is stopping",
                        new RunCounts(),
                        clock.instant());
            }
            metrics.run(RunStatus.FAILED.value(), trigger.value(), null);
        }
    }

    /**
     * MongoDB failed around the sync itself (taking the lock, recording the start or the end): the run is recorded as
     * failed if MongoDB lets us; otherwise it stays queued or running and the next run of the target marks it.
     */
    private void recordUnstarted(String runId, SyncTarget target, Trigger trigger, RuntimeException e) {
        log.warn("{} run {} could not be run or recorded: {}", target, runId, e.toString());
        metrics.run(RunStatus.FAILED.value(), trigger.value(), null);
        try {
            runs.finished(runId, target, RunStatus.FAILED, reason(e), new RunCounts(), clock.instant());
        } catch (RuntimeException stillDown) {
            log.debug("recording the failure failed too", stillDown);
        }
    }

    private void runTarget(String runId, SyncTarget target, Trigger trigger) {
        Duration atLeastFor = trigger == Trigger.SCHEDULE ? scheduledLockAtLeastFor : Duration.ZERO;
        Optional<SyncLocks.TargetLock> lock = locks.tryLock(target, atLeastFor);
        if (lock.isEmpty()) {
            if (trigger == Trigger.MANUAL) {
                runs.skipped(
                        runId,
                        target,
                        "another instance is syncing this account and mode right now (or a scheduled sync just"
                                + " finished); its run covers this request",
                        clock.instant());
            }
            metrics.run(RunStatus.SKIPPED.value(), trigger.value(), null);
            return;
        }
        try {
            runLocked(runId, target, trigger, lock.get());
        } finally {
            lock.get().release();
        }
    }

    private void runLocked(String runId, SyncTarget target, Trigger trigger, SyncLocks.TargetLock lock) {
        Instant startedAt = clock.instant();
        long abandoned = runs.markAbandoned(target, runId, startedAt);
        if (abandoned > 0) {
            log.warn("{}: {} earlier run(s) were left running by a stopped instance, marked failed", target, abandoned);
            metrics.run(RunStatus.FAILED.value(), "unknown", null);
        }
        runs.started(runId, target, trigger, instance, startedAt);
        RunProgress progress = new RunProgress(clock);
        ScheduledFuture<?> heartbeat = heartbeats.start(runId, target, lock, progress);
        RunStatus status;
        String reason = null;
        try {
            targetSync.sync(target, runId, startedAt, progress);
            status = RunStatus.SUCCEEDED;
        } catch (StripeException | RuntimeException e) {
            reason = reason(e);
            status = progress.counts.written() > 0 ? RunStatus.PARTIAL : RunStatus.FAILED;
            log.warn("{} run {} ended {}: {}", target, runId, status.value(), reason);
        } finally {
            heartbeat.cancel(false);
        }
        Instant finishedAt = clock.instant();
        runs.finished(runId, target, status, reason, progress.counts, finishedAt);
        metrics.run(status.value(), trigger.value(), Duration.between(startedAt, finishedAt));
        if (status == RunStatus.SUCCEEDED) {
            metrics.succeeded(target.account(), SyncTargetNames.mode(target.livemode()), finishedAt);
        }
    }

    /** Why a run stopped, for people: Stripe's status and code, never a key or a stack trace. */
    public static String reason(Exception e) {
        if (e instanceof ApiConnectionException) {
            return "Stripe unreachable after retries: " + StripeKeys.maskAll(e.getMessage());
        }
        if (e instanceof StripeException stripe) {
            return "Stripe answered " + stripe.getStatusCode()
                    + (stripe.getCode() == null ? "" : " " + stripe.getCode())
                    + (stripe.getStatusCode() != null && stripe.getStatusCode() == 429
                            ? " (rate limited after retries)"
                            : "")
                    + ": "
                    + StripeKeys.maskAll(
                            stripe.getStripeError() == null
                                    ? e.getMessage()
                                    : stripe.getStripeError().getMessage());
        }
        if (e instanceof RunProgress.RunAbortedException) {
            return e.getMessage();
        }
        if (e instanceof MongoException || e instanceof DataAccessException) {
            return "MongoDB failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return "unexpected error: " + e.getClass().getName() + ": " + StripeKeys.maskAll(e.getMessage());
    }

    private static String newRunId() {
        return "run_" + UUID.randomUUID().toString().replace("-", "");
    }
}
