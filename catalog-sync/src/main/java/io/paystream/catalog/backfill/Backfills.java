package io.paystream.catalog.backfill;

import com.stripe.exception.StripeException;
import io.paystream.catalog.runs.RunDocuments;
import io.paystream.catalog.sync.SyncLocks;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargets;
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
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Starts and finishes backfills. A run covers one or more targets under one run id; each target is backfilled on the
 * {@code catalogBackfillExecutor} under its own cluster-wide lock {@code catalog-backfill:<account>:<mode>}, and a
 * run that finds an earlier run of its target still marked running (its instance died) marks it abandoned and
 * continues each type from that run's stored cursor.
 *
 * <p>The lock is not the catalog sync's: a backfill of a large account runs for hours, and the catalog sync must keep
 * its schedule meanwhile (its freshness alert fires after an hour). They share the mode's Stripe rate limiter, so
 * together they stay under it. Products and prices are the one place they meet; {@link TargetBackfill} takes the
 * sync's lock for those.
 */
@Service
class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    private final SyncTargets targets;
    private final TargetBackfill backfill;
    private final BackfillRuns runs;
    private final SyncLocks locks;
    private final BackfillHeartbeats heartbeats;
    private final BackfillMetrics metrics;
    private final TaskExecutor executor;
    private final Clock clock;
    private final List<BackfillType> defaultTypes;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    /** Targets queued or running here from a schedule tick or a connection, so neither queues them twice. */
    private final Set<String> pendingHere = ConcurrentHashMap.newKeySet();

    Backfills(
            SyncTargets targets,
            TargetBackfill backfill,
            BackfillRuns runs,
            SyncLocks locks,
            BackfillHeartbeats heartbeats,
            BackfillMetrics metrics,
            TaskExecutor catalogBackfillExecutor,
            Clock clock,
            BackfillProperties properties) {
        this.targets = targets;
        this.backfill = backfill;
        this.runs = runs;
        this.locks = locks;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.executor = catalogBackfillExecutor;
        this.clock = clock;
        this.defaultTypes = properties.types().stream().distinct().sorted().toList();
    }

    /** What a request started: the run id and its targets. */
    record Started(String runId, List<SyncTarget> targets) {}

    static String lockName(SyncTarget target) {
        return "catalog-backfill:" + target.key();
    }

    /** An API request: each target gets a {@code queued} run document at once, so the run id can be polled. */
    Started backfillManually(List<SyncTarget> chosen, List<BackfillType> requested) {
        List<BackfillType> types = requested.isEmpty()
                ? defaultTypes
                : requested.stream().distinct().sorted().toList();
        String runId = newRunId();
        chosen.forEach(target -> queue(runId, target, BackfillTrigger.MANUAL, types));
        return new Started(runId, chosen);
    }

    /** The scheduled pass: every target, each left out without a trace where another instance holds its lock. */
    Started backfillAllScheduled() {
        String runId = newRunId();
        List<SyncTarget> all = targets.all();
        for (SyncTarget target : all) {
            if (pendingHere.add(target.key())) {
                submit(runId, target, BackfillTrigger.SCHEDULE, defaultTypes, () -> pendingHere.remove(target.key()));
            }
        }
        return new Started(runId, all);
    }

    /** A connection became usable: its account's history, once (nothing if it is already queued here). */
    Optional<Started> backfillConnection(String account, boolean livemode) {
        List<SyncTarget> chosen = targets.of(account, livemode).stream()
                .filter(target -> !pendingHere.contains(target.key()))
                .toList();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String runId = newRunId();
        for (SyncTarget target : chosen) {
            if (pendingHere.add(target.key())) {
                runs.queued(runId, target, BackfillTrigger.CONNECTION, defaultTypes, clock.instant());
                submit(runId, target, BackfillTrigger.CONNECTION, defaultTypes, () -> pendingHere.remove(target.key()));
            }
        }
        return Optional.of(new Started(runId, chosen));
    }

    /**
     * Reconciliation lost events to Stripe's retention: the target's full history, once (nothing if it is already
     * queued here). Recorded {@code queued} at once, like a manual request, so its run id can be polled.
     */
    Optional<Started> backfillGap(SyncTarget target) {
        if (!pendingHere.add(target.key())) {
            return Optional.empty();
        }
        String runId = newRunId();
        runs.queued(runId, target, BackfillTrigger.RECONCILIATION_GAP, defaultTypes, clock.instant());
        submit(runId, target, BackfillTrigger.RECONCILIATION_GAP, defaultTypes, () -> pendingHere.remove(target.key()));
        return Optional.of(new Started(runId, List.of(target)));
    }

    private void queue(String runId, SyncTarget target, BackfillTrigger trigger, List<BackfillType> types) {
        runs.queued(runId, target, trigger, types, clock.instant());
        submit(runId, target, trigger, types, () -> {});
    }

    private void submit(
            String runId, SyncTarget target, BackfillTrigger trigger, List<BackfillType> types, Runnable whenDone) {
        try {
            executor.execute(() -> {
                try {
                    runTarget(runId, target, trigger, types);
                } catch (RuntimeException e) {
                    recordUnstarted(runId, target, trigger, e);
                } finally {
                    whenDone.run();
                }
            });
        } catch (RejectedExecutionException e) {
            whenDone.run();
            if (trigger != BackfillTrigger.SCHEDULE) {
                runs.finished(
                        runId,
                        target,
                        BackfillStatus.FAILED,
                        "not started: this instance's backfill queue is full or it is stopping",
                        null,
                        clock.instant());
            }
            metrics.finished(BackfillStatus.FAILED, trigger, null);
        }
    }

    /** MongoDB failed around the run itself (lock, start, end): recorded failed if MongoDB lets us. */
    private void recordUnstarted(String runId, SyncTarget target, BackfillTrigger trigger, RuntimeException e) {
        log.warn("backfill {} of {} could not be run or recorded: {}", runId, target, e.toString());
        metrics.finished(BackfillStatus.FAILED, trigger, null);
        try {
            runs.finished(runId, target, BackfillStatus.FAILED, Reasons.of(e), null, clock.instant());
        } catch (RuntimeException stillDown) {
            log.debug("recording the failure failed too", stillDown);
        }
    }

    private void runTarget(String runId, SyncTarget target, BackfillTrigger trigger, List<BackfillType> types) {
        Optional<SyncLocks.TargetLock> lock = locks.tryLock(lockName(target), Duration.ZERO);
        if (lock.isEmpty()) {
            if (trigger != BackfillTrigger.SCHEDULE) {
                runs.finished(
                        runId,
                        target,
                        BackfillStatus.SKIPPED,
                        "another instance is backfilling this account and mode right now; its run covers this"
                                + " request",
                        null,
                        clock.instant());
            }
            metrics.finished(BackfillStatus.SKIPPED, trigger, null);
            return;
        }
        try {
            runLocked(runId, target, trigger, types, lock.get());
        } finally {
            lock.get().release();
        }
    }

    private void runLocked(
            String runId,
            SyncTarget target,
            BackfillTrigger trigger,
            List<BackfillType> types,
            SyncLocks.TargetLock lock) {
        BackfillProgress progress = new BackfillProgress(types, clock);
        progress.locks.add(lock);
        String resumedFrom = continueAbandoned(target, runId, progress);
        runs.started(runId, target, trigger, instance, resumedFrom, progress);
        metrics.started();
        try {
            runAndRecord(runId, target, trigger, progress, resumedFrom);
        } finally {
            metrics.stopped();
        }
    }

    private void runAndRecord(
            String runId,
            SyncTarget target,
            BackfillTrigger trigger,
            BackfillProgress progress,
            @Nullable String resumedFrom) {
        log.info(
                "backfill {} of {} started ({}{})",
                runId,
                target.key(),
                trigger.value(),
                resumedFrom == null ? "" : ", continuing " + resumedFrom);
        ScheduledFuture<?> heartbeat = heartbeats.start(runId, target, progress);
        String stopReason = null;
        try {
            backfill.backfill(target, runId, progress);
        } catch (StripeException | RuntimeException e) {
            stopReason = Reasons.of(e);
        } finally {
            heartbeat.cancel(false);
        }
        BackfillStatus status = outcome(progress, stopReason);
        String reason = stopReason != null ? stopReason : firstTypeFailure(progress);
        Instant finishedAt = clock.instant();
        runs.finished(runId, target, status, reason, progress, finishedAt);
        metrics.finished(status, trigger, Duration.between(progress.startedAt(), finishedAt));
        if (status == BackfillStatus.SUCCEEDED) {
            log.info(
                    "backfill {} of {} succeeded: {} objects in {} pages, {} Stripe requests",
                    runId,
                    target.key(),
                    progress.objects(),
                    progress.pages(),
                    progress.apiCalls.get());
        } else {
            log.warn("backfill {} of {} ended {}: {}", runId, target.key(), status.value(), reason);
        }
    }

    /** @return the run continued, if an abandoned one was found */
    private @Nullable String continueAbandoned(SyncTarget target, String runId, BackfillProgress progress) {
        List<Document> abandoned = runs.abandon(target, runId, clock.instant());
        if (abandoned.isEmpty()) {
            return null;
        }
        metrics.abandoned(abandoned.size());
        Document latest = abandoned.get(0);
        String latestRunId = latest.getString(RunDocuments.RUN_ID);
        Document stored = latest.get(BackfillRuns.TYPES, Document.class);
        if (stored != null) {
            progress.types.forEach((type, state) -> {
                Document typeState = stored.get(type.value(), Document.class);
                if (typeState != null) {
                    state.carryOver(typeState, latestRunId);
                }
            });
        }
        log.warn("{}: backfill {} was left running by a stopped instance, marked abandoned", target, latestRunId);
        return latestRunId;
    }

    static BackfillStatus outcome(BackfillProgress progress, @Nullable String stopReason) {
        boolean allDone = progress.types.values().stream()
                .allMatch(type -> type.status() == BackfillStatus.SUCCEEDED || type.status() == BackfillStatus.SKIPPED);
        if (stopReason == null && allDone) {
            return BackfillStatus.SUCCEEDED;
        }
        boolean anyDone = progress.types.values().stream().anyMatch(type -> type.status() == BackfillStatus.SUCCEEDED);
        return anyDone || progress.objects() > 0 ? BackfillStatus.PARTIAL : BackfillStatus.FAILED;
    }

    private static @Nullable String firstTypeFailure(BackfillProgress progress) {
        return progress.types.values().stream()
                .filter(type -> type.status() == BackfillStatus.FAILED)
                .findFirst()
                .map(type -> type.type.value() + ": " + type.reason())
                .orElse(null);
    }

    private static String newRunId() {
        return "bf_" + UUID.randomUUID().toString().replace("-", "");
    }
}
