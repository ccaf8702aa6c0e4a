package io.paystream.catalog.sync;

import com.mongodb.client.MongoDatabase;
import io.paystream.catalog.CatalogProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.stereotype.Component;

/**
 * One ShedLock lock per target ({@code catalog-sync:<account>:<mode>}) in MongoDB's {@code shedLock} collection, so only
 * one instance of the cluster syncs a given account and mode at a time. A lock lives {@code runs.lock-timeout} past its
 * last extension: the heartbeat extends it while the run lives, and after a crash it expires on its own. ShedLock's
 * annotations take fixed lock names, so the provider is used directly.
 */
@Component
public class SyncLocks {

    private final LockProvider provider;
    private final Duration lockTimeout;
    private final Clock clock;

    SyncLocks(MongoDatabase database, CatalogProperties properties, Clock clock) {
        this.provider = new MongoLockProvider(database);
        this.lockTimeout = properties.runs().lockTimeout();
        this.clock = clock;
    }

    /**
     * @param atLeastFor the lock outlives the run by this much at the least (a scheduled tick's protection against
     *     instances whose clocks differ); zero for a manual run
     */
    Optional<TargetLock> tryLock(SyncTarget target, Duration atLeastFor) {
        return tryLock(SyncTargetNames.lockName(target), atLeastFor);
    }

    /**
     * A lock of another name under the same rules (timeout, heartbeat extension), for work on a target that must not
     * wait for its catalog sync, such as a backfill.
     */
    public Optional<TargetLock> tryLock(String name, Duration atLeastFor) {
        Instant now = clock.instant();
        return provider.lock(new LockConfiguration(now, name, lockTimeout, atLeastFor))
                .map(lock -> new TargetLock(lock, now.plus(atLeastFor)));
    }

    /** A held lock; extended by the heartbeat thread, released by the run's thread. */
    public final class TargetLock {

        private SimpleLock lock;
        private final Instant keepUntil;

        private TargetLock(SimpleLock lock, Instant keepUntil) {
            this.lock = lock;
            this.keepUntil = keepUntil;
        }

        /** @return false when the lock was lost (expired and taken, or its document gone) */
        public synchronized boolean extend() {
            Duration atLeast = Duration.between(clock.instant(), keepUntil);
            try {
                Optional<SimpleLock> extended =
                        lock.extend(lockTimeout, atLeast.isNegative() ? Duration.ZERO : atLeast);
                extended.ifPresent(next -> lock = next);
                return extended.isPresent();
            } catch (IllegalStateException alreadyLost) {
                return false; // an earlier failed extend() invalidated the handle
            }
        }

        public synchronized void release() {
            try {
                lock.unlock();
            } catch (IllegalStateException lost) {
                // a failed extend() invalidates the handle: the lock is no longer ours to release
            }
        }
    }
}
