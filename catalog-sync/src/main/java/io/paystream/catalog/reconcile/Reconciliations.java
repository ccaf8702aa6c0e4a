package io.paystream.catalog.reconcile;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import io.paystream.catalog.backfill.BackfillRequests;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.WebhookEndpointChecks;
import io.paystream.catalog.stripe.StripeClients;
import io.paystream.catalog.sync.SyncLocks;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reconciles every target in turn, each under its cluster-wide lock {@code catalog-reconcile:<account>:<mode>} (one
 * instance per target; the others pass it over). A gap older than Stripe's retention is logged, stored as the
 * target's status, and answered with a backfill of the target; the cursor then moves to Stripe's newest event, so the
 * next pass reads from there.
 */
@Service
class Reconciliations {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

    private final SyncTargets targets;
    private final SyncLocks locks;
    private final StripeClients clients;
    private final ReconcileCursors cursors;
    private final StripeEventsPublisher publisher;
    private final ReconcileMetrics metrics;
    private final BackfillRequests backfills;
    private final WebhookEndpointChecks endpointChecks;
    private final ReconcileProperties properties;
    private final String defaultTenant;
    private final Clock clock;

    Reconciliations(
            SyncTargets targets,
            SyncLocks locks,
            StripeClients clients,
            ReconcileCursors cursors,
            StripeEventsPublisher publisher,
            ReconcileMetrics metrics,
            BackfillRequests backfills,
            WebhookEndpointChecks endpointChecks,
            ReconcileProperties properties,
            ConnectionProperties connections,
            Clock clock) {
        this.targets = targets;
        this.locks = locks;
        this.clients = clients;
        this.cursors = cursors;
        this.publisher = publisher;
        this.metrics = metrics;
        this.backfills = backfills;
        this.endpointChecks = endpointChecks;
        this.properties = properties;
        this.defaultTenant = connections.defaultTenant();
        this.clock = clock;
    }

    static String lockName(SyncTarget target) {
        return "catalog-reconcile:" + target.key();
    }

    /**
     * The scheduled pass: every target (one that fails is logged and the next one goes on), then every key
     * connection's webhook endpoint.
     */
    void reconcileAll() {
        for (SyncTarget target : targets.all()) {
            try {
                reconcile(target);
            } catch (RuntimeException e) {
                log.warn("reconciliation of {} failed: {}", target.key(), e.toString());
            }
        }
        try {
            endpointChecks.checkAll();
        } catch (RuntimeException e) {
            log.warn("webhook endpoint checks failed: {}", e.toString());
        }
    }

    /** @return how the pass ended; empty when another instance holds the target's lock */
    Optional<TargetReconciliation.Result> reconcile(SyncTarget target) {
        Optional<SyncLocks.TargetLock> lock = locks.tryLock(lockName(target), Duration.ZERO);
        if (lock.isEmpty()) {
            metrics.pass("skipped");
            return Optional.empty();
        }
        try {
            return Optional.of(reconcileLocked(target, lock.get()));
        } finally {
            lock.get().release();
        }
    }

    private TargetReconciliation.Result reconcileLocked(SyncTarget target, SyncLocks.TargetLock lock) {
        StripeClient client = clients.forTarget(target);
        String tenant = targets.tenantOf(target).orElse(defaultTenant);
        TargetReconciliation pass =
                new TargetReconciliation(target, client, tenant, cursors, publisher, metrics, properties, clock, lock);
        TargetReconciliation.Result result;
        try {
            result = pass.run();
            if (result.published() > 0) {
                log.info("reconciliation of {}: {} events published", target.key(), result.published());
            }
        } catch (TargetReconciliation.GapException gap) {
            result = fallBack(target, client, gap.getMessage());
        } catch (StripeException | RuntimeException e) {
            metrics.pass(TargetReconciliation.Outcome.FAILED.value());
            recordFailure(target, e);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
        metrics.pass(result.outcome().value());
        return result;
    }

    private TargetReconciliation.Result fallBack(SyncTarget target, StripeClient client, String why) {
        metrics.gap(target);
        Optional<String> runId = backfills.backfillGap(target);
        String detail = why + "; backfill "
                + runId.map(id -> id + " queued").orElse("already queued on this instance")
                + "; the cursor moved to now";
        log.warn("reconciliation of {}: {}", target.key(), detail);
        Instant now = clock.instant();
        ReconcileCursors.Cursor moved;
        try {
            moved = EventsApi.newest(client)
                    .map(event -> new ReconcileCursors.Cursor(event.id(), event.created()))
                    .orElse(new ReconcileCursors.Cursor(null, now));
        } catch (StripeException e) {
            moved = new ReconcileCursors.Cursor(null, now); // the next pass finds its start from the time
        }
        cursors.store(target, moved, TargetReconciliation.Outcome.GAP.value(), detail, 0, now);
        metrics.cursor(target, moved.created());
        return new TargetReconciliation.Result(TargetReconciliation.Outcome.GAP, 0, detail);
    }

    private void recordFailure(SyncTarget target, Exception e) {
        try {
            cursors.status(target).ifPresent(status -> {
                // the stored cursor is what Kafka acknowledged; only the outcome changes
                ReconcileCursors.Cursor at = cursors.load(target).orElseThrow();
                cursors.store(
                        target,
                        at,
                        TargetReconciliation.Outcome.FAILED.value(),
                        e.toString(),
                        status.get(ReconcileCursors.PUBLISHED, 0L),
                        clock.instant());
            });
        } catch (RuntimeException stillDown) {
            log.debug("recording the failure failed too", stillDown);
        }
    }
}
