package io.paystream.bench.stack;

import io.paystream.bench.support.PrometheusHistogram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one window of the mix against the stack and measures it: the services' applied counts and lag histograms
 * before and after, CPU time per process over the window, backlog/RSS/heap samples through it, then a bounded wait
 * for every 200 to be applied. It also keeps the whole run's 200s per type, for the final check that nothing
 * acknowledged was lost.
 */
final class PhaseRunner {

    static final String SECRET = "whsec_paystream_local_dev_secret";

    private final LaunchedStack stack;
    private final ServiceMetrics metrics;
    private final ConsumerBacklog backlog;
    private final StoredDocuments store;
    private final Map<String, ProcessHandle> processes;
    private final Knobs knobs;
    private final Path scripts;
    private final String runTag;
    private final Map<MixType, Long> okSoFar = MixRun.zeros();
    private int batch;

    PhaseRunner(
            LaunchedStack stack,
            ServiceMetrics metrics,
            ConsumerBacklog backlog,
            StoredDocuments store,
            Map<String, ProcessHandle> processes,
            Knobs knobs,
            Path scripts,
            String runTag) {
        this.stack = stack;
        this.metrics = metrics;
        this.backlog = backlog;
        this.store = store;
        this.processes = processes;
        this.knobs = knobs;
        this.scripts = scripts;
        this.runTag = runTag;
    }

    /**
     * @param rate events per second, 0 for as fast as wrk's connections are answered
     * @param drain how long to wait after the window for every 200 to be applied (zero: do not wait)
     */
    PhaseResult run(String name, int rate, int seconds, Duration drain) {
        String tag = runTag + "b" + (++batch);
        Path script = MixScript.write(scripts, tag, SECRET, knobs.threads(), rate);
        long startBacklog = largestBacklog();
        long documentsAtStart = store.count();
        Map<MixType, Long> appliedBefore = retrying(metrics::applied);
        PrometheusHistogram workerBefore = retrying(metrics::workerLag);
        @Nullable PrometheusHistogram catalogBefore = retrying(metrics::catalogLag);
        Map<String, Duration> cpuBefore = cpu();
        WindowSampler sampler =
                WindowSampler.start(backlog, processes, metrics, Duration.ofSeconds(knobs.sampleSeconds()));
        long start = System.nanoTime();
        int connections = rate > 0 ? knobs.pacedConnections() : knobs.connections();
        MixRun load = MixRun.send(name, stack.ingestUrl(), script, knobs.threads(), connections, seconds);
        double windowSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Duration> cpuAfter = cpu();
        Map<MixType, Long> appliedInWindow = since(appliedBefore, retrying(metrics::applied));
        WindowSampler.Samples samples = sampler.stop();
        load.ok().forEach((type, ok) -> okSoFar.merge(type, ok, Long::sum));

        long drainStart = System.nanoTime();
        Map<MixType, Long> appliedAfterDrain = awaitApplied(appliedBefore, load.ok(), drain);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        @Nullable PrometheusHistogram catalogAfter = retrying(metrics::catalogLag);
        Map<String, Double> cpuPercent = new LinkedHashMap<>();
        cpuAfter.forEach((process, after) -> cpuPercent.put(
                process, 100 * (after.toNanos() - cpuBefore.get(process).toNanos()) / (windowSeconds * 1e9)));
        cpuPercent.put("wrk", 100 * load.wrkCpu().toNanos() / (windowSeconds * 1e9));
        return new PhaseResult(
                name,
                rate,
                tag,
                windowSeconds,
                load,
                appliedInWindow,
                appliedAfterDrain,
                drainSeconds,
                startBacklog,
                documentsAtStart,
                Quantiles.between(workerBefore, retrying(metrics::workerLag)),
                catalogBefore == null || catalogAfter == null ? null : Quantiles.between(catalogBefore, catalogAfter),
                samples,
                cpuPercent);
    }

    /**
     * Waits, at most {@code bound}, until neither consumer group is behind by more than {@code records}: a window that
     * starts with the previous one's backlog would measure both. Returns the larger backlog it ended with.
     */
    long settle(Duration bound, long records) {
        long deadline = System.nanoTime() + bound.toNanos();
        long behind = largestBacklog();
        while (behind > records && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            behind = largestBacklog();
        }
        return behind;
    }

    /** 200s per type over every window so far. */
    Map<MixType, Long> okSoFar() {
        return okSoFar;
    }

    /** Polls the applied counts until each type reached {@code expected} more than {@code before}, or the bound. */
    Map<MixType, Long> awaitApplied(Map<MixType, Long> before, Map<MixType, Long> expected, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Map<MixType, Long> applied = since(before, retrying(metrics::applied));
            boolean all = expected.entrySet().stream().allMatch(e -> applied.get(e.getKey()) >= e.getValue());
            if (all || System.nanoTime() >= deadline) {
                return applied;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /**
     * A scrape a busy service did not answer within its timeout is tried twice more: a window's start or end cannot
     * be read again later.
     */
    static <T> T retrying(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    long largestBacklog() {
        try {
            return backlog.records().values().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
        } catch (RuntimeException unanswered) {
            return Long.MAX_VALUE; // the broker did not answer: treat as unsettled, the caller's bound still holds
        }
    }

    private Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpu.put(name, StackProcesses.cpu(process)));
        return cpu;
    }

    static Map<MixType, Long> since(Map<MixType, Long> before, Map<MixType, Long> now) {
        Map<MixType, Long> delta = MixRun.zeros();
        now.forEach((type, count) -> delta.put(type, count - before.getOrDefault(type, 0L)));
        return delta;
    }
}
