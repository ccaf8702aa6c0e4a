package io.paystream.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Relays a writer's entries on one thread of its own, in the order the writer handed them over, so that the writer
 * goes on with its next batch while Kafka acknowledges the last one and its entries are pulled. In payment-worker's
 * stack runs the consumer thread spent as long in that wait and that pull as in applying the batch.
 *
 * <p>Nothing is less safe than relaying in the writer's thread: the entries are in MongoDB before they are handed
 * over, so a process that dies with relays waiting leaves them to the sweeper, as a death between the write and a
 * direct relay always did. One thread, first in first out, keeps an aggregate's domain events in the order of its
 * writes. At most {@code capacity} relays wait: then {@link #relay} blocks the writer until one is done, so the
 * entries in memory stay bounded and a slow Kafka slows the writer down as before. Before its partitions move to
 * another instance, the writer {@linkplain #drain drains} this relay, so that their next owner's domain events follow
 * the ones relayed here.
 */
public final class BackgroundRelay implements AutoCloseable {

    private final Consumer<List<PendingEntries>> relay;
    private final Runnable sweepNeeded;
    private final int capacity;
    private final Semaphore free;
    private final ExecutorService thread;

    /**
     * @param sweeper relays each hand-over ({@link OutboxSweeper#relayOrSweepLater}), and is asked for a pass when a
     *     hand-over cannot run
     * @param threadName the relay thread's name
     */
    public BackgroundRelay(OutboxSweeper sweeper, int capacity, String threadName) {
        this(sweeper::relayOrSweepLater, sweeper::sweepNeeded, capacity, threadName);
    }

    BackgroundRelay(Consumer<List<PendingEntries>> relay, Runnable sweepNeeded, int capacity, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.relay = relay;
        this.sweepNeeded = sweepNeeded;
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Hands entries over, waiting while {@code capacity} relays are already waiting. Interrupted meanwhile (the
     * container stopping), the entries stay in MongoDB and the sweeper is asked for them.
     */
    public void relay(List<PendingEntries> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sweepNeeded.run();
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    relay.accept(pending);
                } finally {
                    free.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            free.release();
            sweepNeeded.run();
        }
    }

    /** Relays handed over and not yet done. */
    public int waiting() {
        return capacity - free.availablePermits();
    }

    /**
     * Waits until every relay handed over so far is done, at most {@code timeout}; when that is not enough, the
     * sweeper is asked to cover what is still waiting.
     *
     * @return whether every relay was done in time
     */
    public boolean drain(Duration timeout) {
        try {
            if (free.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                free.release(capacity);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweepNeeded.run();
        return false;
    }

    /** Drains for at most {@code timeout}, then stops the thread; what is still waiting is left to the sweeper. */
    public void close(Duration timeout) {
        drain(timeout);
        thread.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
