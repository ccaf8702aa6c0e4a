package io.paystream.bench.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Micrometer percentile histogram's cumulative buckets read from {@code /actuator/prometheus}. Two reads around a
 * phase give that phase's quantiles as the service itself measured them, independent of the harness's own timing.
 * Quantiles are bucket upper bounds, so they are accurate to the bucket spacing (Micrometer's are about 10-30% apart).
 */
public record PrometheusHistogram(TreeMap<Double, Double> cumulativeByUpperBound) {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** Sums every series of {@code name}'s buckets (e.g. {@code paystream_worker_pipeline_latency_seconds}). */
    public static PrometheusHistogram read(String prometheusUrl, String name) {
        List<String> lines = PrometheusScrape.linesOrFail(prometheusUrl);
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : lines) {
            if (!line.startsWith(name + "_bucket{")) {
                continue;
            }
            Matcher le = LE.matcher(line);
            if (le.find()) {
                double bound = "+Inf".equals(le.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                buckets.merge(bound, value, Double::sum);
            }
        }
        return new PrometheusHistogram(buckets);
    }

    /** The upper bound, in milliseconds, of the bucket holding the {@code quantile} of observations since {@code before}. */
    public double quantileMillisSince(PrometheusHistogram before, double quantile) {
        double total = countSince(before);
        if (total == 0) {
            return 0;
        }
        for (Map.Entry<Double, Double> bucket : cumulativeByUpperBound.entrySet()) {
            double cumulative = bucket.getValue() - before.cumulativeByUpperBound.getOrDefault(bucket.getKey(), 0.0);
            if (cumulative >= quantile * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The share of observations since {@code before} at or under {@code millis}, exact when the histogram has a bucket
     * there (the worker's pipeline latency has one at its 200 ms objective), otherwise at the next bucket below.
     */
    public double shareWithinSince(PrometheusHistogram before, double millis) {
        double total = countSince(before);
        Map.Entry<Double, Double> bucket = cumulativeByUpperBound.floorEntry(millis / 1000);
        if (total == 0 || bucket == null) {
            return 0;
        }
        return (bucket.getValue() - before.cumulativeByUpperBound.getOrDefault(bucket.getKey(), 0.0)) / total;
    }

    public double countSince(PrometheusHistogram before) {
        return cumulativeByUpperBound.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.cumulativeByUpperBound.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    }
}
