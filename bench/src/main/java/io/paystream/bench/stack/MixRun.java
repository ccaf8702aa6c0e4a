package io.paystream.bench.stack;

import io.paystream.bench.support.LoadResult;
import io.paystream.bench.support.LoadTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One wrk run of the mix and what it counted.
 *
 * @param load wrk's totals (requests answered, 200s, others, socket errors, its latency of the ingest's answer)
 * @param ok 200s per type
 * @param other answers other than 200 per type (socket errors are only known in total: {@code load})
 * @param wrkCpu wrk's own user + system time over the run
 */
record MixRun(LoadResult load, Map<MixType, Long> ok, Map<MixType, Long> other, Duration wrkCpu) {

    static MixRun send(String name, String ingestBaseUrl, Path script, int threads, int connections, int seconds) {
        String out = LoadTools.wrkOutput(threads, ingestBaseUrl, script, connections, seconds);
        Map<MixType, Long> ok = zeros();
        Map<MixType, Long> other = zeros();
        for (String line : MixScript.typeLines(out)) {
            String[] f = line.split(" ");
            MixType type = MixType.ofEventType(f[1]);
            ok.merge(type, Long.parseLong(f[2]), Long::sum);
            other.merge(type, Long.parseLong(f[3]), Long::sum);
        }
        long cpuMicros = out.lines()
                .filter(l -> l.startsWith("CPU "))
                .mapToLong(l -> Long.parseLong(l.substring(4).strip()))
                .findFirst()
                .orElse(0);
        return new MixRun(LoadTools.result(name, out), ok, other, Duration.ofNanos(cpuMicros * 1000));
    }

    static Map<MixType, Long> zeros() {
        Map<MixType, Long> counts = new EnumMap<>(MixType.class);
        for (MixType type : MixType.values()) {
            counts.put(type, 0L);
        }
        return counts;
    }

    long okTotal() {
        return ok.values().stream().mapToLong(Long::longValue).sum();
    }

    long failures() {
        return load.other() + load.socketErrors();
    }
}
