package io.paystream.bench.ingest;

import io.paystream.bench.support.ChildProcess;
import io.paystream.bench.support.LoadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One server's measured rounds: their load results and the server process's own CPU time during each. */
final class Rounds {

    private final List<LoadResult> results = new ArrayList<>();
    private final List<Duration> cpu = new ArrayList<>();

    LoadResult measure(ChildProcess server, Supplier<LoadResult> load) {
        Duration before = server.cpuTime();
        LoadResult result = load.get();
        cpu.add(server.cpuTime().minus(before));
        results.add(result);
        return result;
    }

    List<LoadResult> results() {
        return results;
    }

    String row(int round, String name) {
        LoadResult r = results.get(round);
        return r.named(name).tableRow() + " %.0f µs |".formatted(micros(cpu.get(round)) / Math.max(1, r.ok()));
    }

    double medianOkPerSecond() {
        return median(results.stream().mapToDouble(LoadResult::okPerSecond).toArray());
    }

    double cpuMicrosPerOk() {
        long ok = results.stream().mapToLong(LoadResult::ok).sum();
        return micros(cpu.stream().reduce(Duration.ZERO, Duration::plus)) / Math.max(1, ok);
    }

    /** The median over rounds of {@code a}'s rate divided by {@code b}'s in the same round. */
    static double medianRatio(Rounds a, Rounds b) {
        double[] ratios = new double[a.results.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a.results.get(i).okPerSecond() / b.results.get(i).okPerSecond();
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1000.0;
    }
}
