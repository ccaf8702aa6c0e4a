package io.paystream.catalog.backfill;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import io.paystream.catalog.product.SellableValidation;
import io.paystream.catalog.stripe.StripeClients;
import io.paystream.catalog.sync.SyncLocks;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The backfill of one target: each type in order, page by page from its cursor. A page is handed on (published and
 * acknowledged, or written) before its last object id is stored as the type's cursor, so a run that dies re-lists at
 * most the page it was handling. A type Stripe refuses for good (400, 403, 404: a restricted key, an endpoint the
 * account lacks) ends that type {@code failed} and the run goes on; a refused key, a Stripe outage beyond the retries,
 * Kafka not acknowledging, a lost lock or a shutdown end the run.
 *
 * <p>The account is read first (one request, which also shows whether the key reaches anything), then the catalog
 * types one after the other, then the other types, up to {@code type-parallelism} at once (each still one page at a
 * time). A type that fails in a way every type would (a refused key, an outage, Kafka)
 * stops the types read beside it, and its exception ends the run.
 *
 * <p>Products and prices are written under the catalog sync's lock as well: a full sync archives what its own listing
 * did not mark as seen, so no other listing may mark objects while one runs. When a sync holds it, the catalog types
 * are {@code skipped}: that sync lists them.
 */
@Component
class TargetBackfill {

    private final StripeClients clients;
    private final PageSinks sinks;
    private final BackfillRuns runs;
    private final SyncLocks locks;
    private final SellableValidation validation;
    private final int pageSize;
    private final int typeParallelism;

    TargetBackfill(
            StripeClients clients,
            PageSinks sinks,
            BackfillRuns runs,
            SyncLocks locks,
            SellableValidation validation,
            BackfillProperties properties) {
        this.clients = clients;
        this.sinks = sinks;
        this.runs = runs;
        this.locks = locks;
        this.validation = validation;
        this.pageSize = properties.pageSize();
        this.typeParallelism = properties.typeParallelism();
    }

    /**
     * @throws StripeException when Stripe failed in a way that every further type would fail too
     * @throws BackfillProgress.BackfillAbortedException when a lock was lost, Kafka failed or the service is stopping
     */
    void backfill(SyncTarget target, String runId, BackfillProgress progress) throws StripeException {
        StripeClient client = clients.forTarget(target, progress);
        String tenant = sinks.tenantOf(target);
        Optional<SyncLocks.TargetLock> catalogLock = Optional.empty();
        boolean catalogWritten = false;
        List<TypeProgress> others = new ArrayList<>();
        try {
            for (TypeProgress type : progress.types.values()) {
                if (type.status() == BackfillStatus.SUCCEEDED || type.status() == BackfillStatus.SKIPPED) {
                    continue; // completed by the abandoned run this one continues, or left to a running sync
                }
                if (type.type == BackfillType.ACCOUNT) {
                    // first and alone: one request that also tells whether the key reaches anything at all
                    progress.checkContinue();
                    readType(client, target, tenant, runId, type, progress);
                    continue;
                }
                if (!type.type.catalog()) {
                    others.add(type);
                    continue;
                }
                progress.checkContinue();
                if (catalogLock.isEmpty()) {
                    catalogLock = locks.tryLock(SyncTargetNames.lockName(target), Duration.ZERO);
                    if (catalogLock.isEmpty()) {
                        skipCatalog(runId, target, progress);
                        continue; // every catalog type is skipped now; the others are still to be read
                    }
                    progress.locks.add(catalogLock.get());
                }
                readType(client, target, tenant, runId, type, progress);
                catalogWritten |= type.objects.get() > 0;
            }
            if (catalogWritten) {
                progress.checkContinue();
                validation.validateAll(target.account(), target.livemode());
            }
        } finally {
            catalogLock.ifPresent(lock -> releaseCatalog(lock, progress));
        }
        readAll(client, target, tenant, runId, others, progress);
    }

    /** The types beside each other on threads of this run, at most {@code typeParallelism} at once. */
    private void readAll(
            StripeClient client,
            SyncTarget target,
            String tenant,
            String runId,
            List<TypeProgress> types,
            BackfillProgress progress)
            throws StripeException {
        if (types.isEmpty()) {
            return;
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(typeParallelism, types.size()), task -> {
            Thread thread = new Thread(task, Thread.currentThread().getName() + "-type-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> reads = new ArrayList<>();
        try {
            for (TypeProgress type : types) {
                reads.add(pool.submit(() -> {
                    try {
                        readType(client, target, tenant, runId, type, progress);
                    } catch (StripeException | RuntimeException e) {
                        if (firstFailure.compareAndSet(null, e)) {
                            progress.abort("stopped with the " + type.type.value() + " listing: " + Reasons.of(e));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            reads.forEach(read -> read.cancel(true));
            Thread.currentThread().interrupt();
            throw new BackfillProgress.BackfillAbortedException("interrupted: the service is stopping", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a type's listing failed outside its own handling", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Exception failure = firstFailure.get();
        if (failure instanceof StripeException stripe) {
            throw stripe;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    private void readType(
            StripeClient client,
            SyncTarget target,
            String tenant,
            String runId,
            TypeProgress type,
            BackfillProgress progress)
            throws StripeException {
        type.running();
        runs.typeChanged(runId, target, type);
        try {
            ListedPage page;
            do {
                progress.checkContinue();
                page = StripePages.fetch(client, type.type, pageSize, type.cursor());
                progress.checkContinue();
                sinks.hand(target, tenant, runId, type.type, page);
                type.pageHandled(page.lastId(), page.objects().size());
                runs.pageHandled(runId, target, type);
            } while (page.hasMore());
            type.finished(BackfillStatus.SUCCEEDED, null);
        } catch (InvalidRequestException | PermissionException e) {
            // refused for this type only (an endpoint the account lacks, a restricted key): the others may still work
            type.finished(BackfillStatus.FAILED, Reasons.of(e));
        } catch (StripeException | RuntimeException e) {
            // a refused key, an outage beyond the retries, Kafka: every further type would fail the same way
            type.finished(BackfillStatus.FAILED, Reasons.of(e));
            throw e;
        } finally {
            runs.typeChanged(runId, target, type);
        }
    }

    private void skipCatalog(String runId, SyncTarget target, BackfillProgress progress) {
        for (TypeProgress type : progress.types.values()) {
            if (type.type.catalog() && type.status() != BackfillStatus.SUCCEEDED) {
                type.finished(
                        BackfillStatus.SKIPPED,
                        "the catalog sync of this account and mode was running; it lists products and prices");
                runs.typeChanged(runId, target, type);
            }
        }
    }

    private static void releaseCatalog(SyncLocks.TargetLock lock, BackfillProgress progress) {
        progress.locks.remove(lock);
        lock.release();
    }
}
