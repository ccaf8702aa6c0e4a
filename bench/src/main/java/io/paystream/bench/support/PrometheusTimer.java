package io.paystream.bench.support;

import java.util.List;

/**
 * A Micrometer timer's running totals read from {@code /actuator/prometheus}: two reads around a load phase give the
 * mean time the service itself measured, which splits a request's latency into its parts (e.g. waiting for the
 * broker's ack versus everything else).
 *
 * @param count observations so far
 * @param sumSeconds their total duration
 */
public record PrometheusTimer(double count, double sumSeconds) {

    /** Sums every series of {@code name} (e.g. {@code paystream_ingest_publish_seconds}) whose labels contain all of {@code labelFilters}. */
    public static PrometheusTimer read(String prometheusUrl, String name, String... labelFilters) {
        List<String> lines = PrometheusScrape.linesOrFail(prometheusUrl);
        double count = 0;
        double sum = 0;
        for (String line : lines) {
            boolean isCount = line.startsWith(name + "_count");
            boolean isSum = line.startsWith(name + "_sum");
            boolean matches = isCount || isSum;
            for (String filter : labelFilters) {
                matches &= line.contains(filter);
            }
            if (!matches) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (isCount) {
                count += value;
            } else {
                sum += value;
            }
        }
        return new PrometheusTimer(count, sum);
    }

    /** Mean milliseconds per observation between {@code before} and this reading. */
    public double meanMillisSince(PrometheusTimer before) {
        double observations = count - before.count;
        return observations == 0 ? 0 : 1000 * (sumSeconds - before.sumSeconds) / observations;
    }
}
