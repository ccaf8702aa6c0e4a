package io.paystream.bench.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a Spring Boot service's used heap from its {@code /actuator/prometheus} every 250 ms and keeps the peak, the
 * number ops would see on a dashboard.
 */
public final class HeapSampler implements AutoCloseable {

    private final String prometheus;
    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public HeapSampler(String prometheusUrl) {
        this.prometheus = prometheusUrl;
        this.thread = new Thread(this::sampleUntilClosed, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakBytes() {
        return peakBytes.get();
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                List<String> lines = PrometheusScrape.lines(prometheus, Duration.ofSeconds(2));
                long used = lines.stream()
                        .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum();
                peakBytes.accumulateAndGet(used, Math::max);
            } catch (Exception sampleMissed) {
                // one missed sample under full load is acceptable; the next one counts
            }
            Polling.pause(Duration.ofMillis(250));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
