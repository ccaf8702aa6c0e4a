package io.paystream.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's load generators: wrk (closed loop, as fast as the server goes) and hey (rate-limited, for latency at a
 * fixed request rate, which wrk cannot do).
 */
final class LoadTools {

    private static final Pattern HEY_PERCENTILE = Pattern.compile("\\s+(\\d+)%% in ([0-9.]+) secs");
    private static final Pattern HEY_STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern HEY_TOTAL = Pattern.compile("Total:\\s+([0-9.]+) secs");

    private LoadTools() {}

    static LoadResult wrk(String name, String baseUrl, Path script, int connections, int seconds) {
        String out = run(List.of(
                "wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), baseUrl));
        String line = out.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + out));
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

    static LoadResult heyAtRate(
            String name, String url, Path body, String signature, int ratePerSecond, int workers, int seconds) {
        String out = run(List.of(
                "hey",
                "-z",
                seconds + "s",
                "-c",
                Integer.toString(workers),
                "-q",
                Integer.toString(ratePerSecond / workers),
                "-m",
                "POST",
                "-T",
                "application/json",
                "-H",
                "Stripe-Signature: " + signature,
                "-D",
                body.toString(),
                url));
        long ok = 0;
        long other = 0;
        Matcher status = HEY_STATUS.matcher(out);
        while (status.find()) {
            long count = Long.parseLong(status.group(2));
            if (status.group(1).equals("200")) {
                ok += count;
            } else {
                other += count;
            }
        }
        double p50 = 0;
        double p99 = 0;
        Matcher percentile = HEY_PERCENTILE.matcher(out.replace("%", "%%"));
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * 1000;
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else if (percentile.group(1).equals("99")) {
                p99 = millis;
            }
        }
        Matcher total = HEY_TOTAL.matcher(out);
        double secondsTaken = total.find() ? Double.parseDouble(total.group(1)) : seconds;
        return new LoadResult(name, ok + other, ok, other, 0, secondsTaken, p50, p99);
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
