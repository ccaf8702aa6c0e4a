package io.paystream.bench.stack;

import io.paystream.bench.support.PrometheusHistogram;

/**
 * Lag quantiles of one window from a service's cumulative histogram, read before and after: bucket upper bounds, so
 * "at most" values accurate to the bucket spacing. A quantile past the last finite bucket (30 s for Micrometer's
 * default timer buckets) is infinite and reported as "over" that bucket.
 *
 * @param count observations in the window
 * @param rangeMillis the last finite bucket
 */
record Quantiles(
        double count, double p50Millis, double p95Millis, double p99Millis, double maxMillis, double rangeMillis) {

    static Quantiles between(PrometheusHistogram before, PrometheusHistogram after) {
        double range = after.cumulativeByUpperBound().keySet().stream()
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        return new Quantiles(
                after.countSince(before),
                after.quantileMillisSince(before, 0.50),
                after.quantileMillisSince(before, 0.95),
                after.quantileMillisSince(before, 0.99),
                after.quantileMillisSince(before, 1.0),
                range * 1000);
    }

    /** "≤ 112 / ≤ 179 / ≤ 201 / ≤ 358" in milliseconds: p50 / p95 / p99 / max. */
    String describe() {
        if (count == 0) {
            return "no events";
        }
        return format(p50Millis) + " / " + format(p95Millis) + " / " + format(p99Millis) + " / " + format(maxMillis);
    }

    private String format(double millis) {
        return Double.isInfinite(millis) ? "> %,.0f".formatted(rangeMillis) : "≤ %,.0f".formatted(millis);
    }
}
