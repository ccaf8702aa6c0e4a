package io.paystream.bench.support;

/**
 * One load phase's outcome.
 *
 * @param name what was measured
 * @param requests requests completed
 * @param ok requests answered 200
 * @param other requests answered with another status
 * @param socketErrors connect/read/write/timeout errors
 * @param seconds wall-clock duration
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 */
public record LoadResult(
        String name,
        long requests,
        long ok,
        long other,
        long socketErrors,
        double seconds,
        double p50Millis,
        double p99Millis) {

    public LoadResult named(String newName) {
        return new LoadResult(newName, requests, ok, other, socketErrors, seconds, p50Millis, p99Millis);
    }

    public double okPerSecond() {
        return ok / seconds;
    }

    public String tableRow() {
        return "| %s | %,d | %,d | %,d | %,.0f | %.2f | %.2f |"
                .formatted(name, requests, ok, other + socketErrors, okPerSecond(), p50Millis, p99Millis);
    }
}
