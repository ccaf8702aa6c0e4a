package io.paystream.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples, through one load window, every few seconds: the consumer groups' backlog (so a growing backlog shows as a
 * series, not one number), each process's resident memory and each service's used heap (their maxima are reported).
 * One sample at the start, one at the end, the rest in between.
 */
final class WindowSampler {

    /**
     * @param backlog per group, in sample order (first = window start, last = window end)
     */
    record Samples(Map<String, List<Long>> backlog, Map<String, Long> maxRss, Map<String, Long> maxHeap) {

        long first(String group) {
            List<Long> series = backlog.getOrDefault(group, List.of());
            return series.isEmpty() ? -1 : series.get(0);
        }

        long max(String group) {
            return backlog.getOrDefault(group, List.of()).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(-1);
        }

        long last(String group) {
            List<Long> series = backlog.getOrDefault(group, List.of());
            return series.isEmpty() ? -1 : series.get(series.size() - 1);
        }
    }

    private final ConsumerBacklog consumers;
    private final Map<String, ProcessHandle> processes;
    private final ServiceMetrics metrics;
    private final Duration every;
    private final Map<String, List<Long>> backlog = new LinkedHashMap<>();
    private final Map<String, Long> maxRss = new LinkedHashMap<>();
    private final Map<String, Long> maxHeap = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private WindowSampler(
            ConsumerBacklog consumers, Map<String, ProcessHandle> processes, ServiceMetrics metrics, Duration every) {
        this.consumers = consumers;
        this.processes = processes;
        this.metrics = metrics;
        this.every = every;
        this.thread = new Thread(this::sampleUntilStopped, "window-sampler");
        thread.setDaemon(true);
    }

    static WindowSampler start(
            ConsumerBacklog consumers, Map<String, ProcessHandle> processes, ServiceMetrics metrics, Duration every) {
        WindowSampler sampler = new WindowSampler(consumers, processes, metrics, every);
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    /** Takes the end-of-window sample and returns all of them. */
    Samples stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return new Samples(backlog, maxRss, maxHeap);
    }

    private void sampleUntilStopped() {
        long next = System.nanoTime() + every.toNanos();
        while (running) {
            LockSupport.parkNanos(next - System.nanoTime());
            if (!running) {
                return;
            }
            sample();
            next += every.toNanos();
        }
    }

    private synchronized void sample() {
        try {
            consumers.records().forEach((group, records) -> backlog.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(records));
        } catch (RuntimeException missed) {
            // the broker did not answer in time under load; the series goes on with the next sample
        }
        processes.forEach((name, process) -> maxRss.merge(name, StackProcesses.rssBytes(process), Math::max));
        metrics.heapUsed().forEach((service, bytes) -> maxHeap.merge(service, bytes, Math::max));
    }
}
