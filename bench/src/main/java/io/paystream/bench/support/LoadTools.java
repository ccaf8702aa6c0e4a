package io.paystream.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Debian's wrk: closed loop (as fast as the server goes), or paced by its script for latency at a fixed rate.
 * Debian's hey was used for the fixed rate before; its per-worker tickers drop ticks whenever an answer is slower than
 * a worker's interval, so it offered less than it was asked for, and its own CPU cost inflated the latencies it saw.
 */
public final class LoadTools {

    private LoadTools() {}

    /** wrk's thread count; a paced script must know it (WrkScript#writePaced). */
    public static final int WRK_THREADS = 2;

    public static LoadResult wrk(String name, String baseUrl, Path script, int connections, int seconds) {
        return result(name, wrkOutput(WRK_THREADS, baseUrl, script, connections, seconds));
    }

    /**
     * Runs wrk and returns everything it printed, including what the script's {@code done()} writes; for scripts that
     * report more than the {@code RESULT} line (per-thread counts, wrk's own CPU time).
     */
    public static String wrkOutput(int threads, String baseUrl, Path script, int connections, int seconds) {
        return run(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                baseUrl));
    }

    /** The {@code RESULT} line a WrkScript-style {@code done()} prints, as a LoadResult. */
    public static LoadResult result(String name, String wrkOutput) {
        String line = wrkOutput
                .lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + wrkOutput));
        String[] f = line.split(" ");
        return new LoadResult(
                name,
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]),
                Long.parseLong(f[5]) / 1e6,
                Long.parseLong(f[6]) / 1e3,
                Long.parseLong(f[7]) / 1e3);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
