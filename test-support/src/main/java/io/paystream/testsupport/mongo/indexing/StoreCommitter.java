package io.paystream.testsupport.mongo.indexing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the MVStore every second and keeps its chunks compact, from one thread of its own, in place of H2's own
 * background writer.
 *
 * <p>Why not H2's: with auto-commit on, H2 2.4.240 pipelines each commit through two threads ("H2-serialization",
 * "H2-save") beside the committing one. In the local stack's runs the serialization thread ended up waiting, in a
 * {@code Thread.yield()} loop, for a chunk the save thread was never given
 * ({@code FileStore.saveChunkMetadataChanges}): a whole core burnt for good and nothing written to the file after the
 * first minute. A chunk whose serialization
 * fails stays behind unallocated (one such failure: {@link IndexedH2Collection#updateDocuments}), and that pipeline
 * has known races with committing threads (h2database#4387). With auto-commit disabled those threads do not exist: a
 * commit serializes and writes its chunk in the committing thread, under the store lock, one at a time. Writers commit
 * themselves only when unsaved changes pass the store's write buffer ({@link IndexedH2Backend#UNSAVED_BUFFER_KB}),
 * which bounds memory when this thread falls behind.
 */
final class StoreCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreCommitter.class);

    /** H2's own auto-commit delay: what a crash of the launcher can lose, as before. */
    static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    /** Chunks less than half live are rewritten, a few MB a pass, so the file does not grow with every update. */
    private static final int TARGET_FILL_RATE = 50;

    private static final int COMPACT_BYTES_PER_PASS = 4 * 1024 * 1024;
    private static final int COMPACT_EVERY_COMMITS = 10;

    private final MVStore store;
    private final ScheduledExecutorService thread;
    private int commits;

    StoreCommitter(MVStore store) {
        this.store = store;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName(store));
            t.setDaemon(true);
            return t;
        });
        long millis = COMMIT_EVERY.toMillis();
        thread.scheduleWithFixedDelay(this::commit, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Named after the file, as H2 names its own writer thread. */
    static String threadName(MVStore store) {
        return "mongo-store-commit " + store.getFileStore().getFileName();
    }

    private void commit() {
        if (store.isClosed()) {
            return;
        }
        try {
            store.commit();
            if (++commits % COMPACT_EVERY_COMMITS == 0) {
                store.compact(TARGET_FILL_RATE, COMPACT_BYTES_PER_PASS);
            }
        } catch (RuntimeException e) {
            // The next pass tries again; a store that panicked is closed and the pass above returns at once.
            log.warn("Committing the MongoDB server's file failed: {}", e.toString());
        }
    }

    /** Stops the thread; closing the store afterwards commits what is left. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
