package io.paystream.bench.stack;

import io.paystream.bench.support.PrometheusHistogram;
import io.paystream.bench.support.PrometheusScrape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the services say about themselves at {@code /actuator/prometheus}: events applied per type, the pipeline lag
 * histograms (ingest receipt to state written) and the used heap. The services' own counts are the ground truth of
 * "applied": a document count could not tell a new object from a rewritten one.
 */
final class ServiceMetrics {

    static final String WORKER_LAG = "paystream_worker_pipeline_latency_seconds";
    /** Published by catalog-sync once it measures its own lag (issue 11); absent before. */
    static final String CATALOG_LAG = "paystream_catalog_pipeline_latency_seconds";

    private static final Pattern TYPE = Pattern.compile("[{,]type=\"([^\"]+)\"");

    private final String workerPrometheus;
    private final String catalogPrometheus;
    private final Map<String, String> heapSources = new LinkedHashMap<>();

    ServiceMetrics(LaunchedStack stack) {
        this.workerPrometheus = stack.workerUrl() + "/actuator/prometheus";
        this.catalogPrometheus = stack.catalogUrl() + "/actuator/prometheus";
        heapSources.put("webhook-ingest", stack.ingestUrl() + "/actuator/prometheus");
        heapSources.put("payment-worker", workerPrometheus);
        heapSources.put("catalog-sync", catalogPrometheus);
    }

    /** Events applied so far, per type of the mix: the worker's four from the worker, the catalog's two from it. */
    Map<MixType, Long> applied() {
        Map<MixType, Long> applied = MixRun.zeros();
        count(PrometheusScrape.linesOrFail(workerPrometheus), "paystream_worker_events_total{", applied, false);
        count(PrometheusScrape.linesOrFail(catalogPrometheus), "paystream_catalog_events_total{", applied, true);
        return applied;
    }

    PrometheusHistogram workerLag() {
        return PrometheusHistogram.read(workerPrometheus, WORKER_LAG);
    }

    /** Null while catalog-sync publishes no lag histogram: the report then says its lag is unavailable. */
    @Nullable
    PrometheusHistogram catalogLag() {
        PrometheusHistogram lag = PrometheusHistogram.read(catalogPrometheus, CATALOG_LAG);
        return lag.cumulativeByUpperBound().isEmpty() ? null : lag;
    }

    /** Used heap per service; a service that does not answer in time is left out of this sample. */
    Map<String, Long> heapUsed() {
        Map<String, Long> heap = new LinkedHashMap<>();
        heapSources.forEach((service, url) -> {
            try {
                long used = PrometheusScrape.linesOrFail(url).stream()
                        .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToLong(l -> (long) value(l))
                        .sum();
                heap.put(service, used);
            } catch (RuntimeException missed) {
                // one sample missed under full load; the window's maximum comes from the others
            }
        });
        return heap;
    }

    private static void count(List<String> lines, String prefix, Map<MixType, Long> into, boolean catalog) {
        for (String line : lines) {
            if (!line.startsWith(prefix) || !line.contains("outcome=\"applied\"")) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (!type.find()) {
                continue;
            }
            for (MixType mixType : MixType.values()) {
                if (mixType.catalog() == catalog && mixType.eventType().equals(type.group(1))) {
                    into.merge(mixType, (long) value(line), Long::sum);
                }
            }
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
