package io.paystream.bench.stack;

import io.paystream.bench.support.PrometheusHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the store: the mix is sent in short wrk runs (paced at the found rate, or closed loop) until MongoDB holds the
 * target number of documents or the time bound passes, with a table row about every {@code growthReportEvery}
 * documents: the applied rate, the worker's lag and the launcher's (MongoDB server's) memory over that stretch, so a
 * slowdown or a heap that grows with the data shows where it starts.
 */
final class GrowthPhase {

    /**
     * One stretch of the growth.
     *
     * @param documents stored at the stretch's end
     * @param minutes since the growth started
     * @param launcherRss the launcher's largest resident size sampled in the stretch
     */
    record Row(
            long documents,
            double minutes,
            double appliedPerSecond,
            Quantiles workerLag,
            long workerBacklog,
            long catalogBacklog,
            long launcherRss) {}

    /** @param ok 200s over the whole growth; @param failures answers other than 200 and socket errors */
    record Outcome(List<Row> rows, long documents, double minutes, boolean reached, long ok, long failures) {}

    private GrowthPhase() {}

    static Outcome run(
            PhaseRunner runner,
            StoredDocuments store,
            ServiceMetrics metrics,
            ConsumerBacklog backlog,
            int rate,
            Knobs knobs) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(knobs.growthMaxMinutes()).toNanos();
        List<Row> rows = new ArrayList<>();
        long documents = store.count();
        long nextRow = next(documents, knobs.growthReportEvery());
        long rowStart = System.nanoTime();
        Map<MixType, Long> appliedAtRow = PhaseRunner.retrying(metrics::applied);
        PrometheusHistogram lagAtRow = PhaseRunner.retrying(metrics::workerLag);
        long rss = 0;
        long ok = 0;
        long failures = 0;
        while (documents < knobs.growthDocuments() && System.nanoTime() < deadline) {
            PhaseResult chunk = runner.run("growth", rate, knobs.growthChunkSeconds(), Duration.ZERO);
            ok += chunk.load().okTotal();
            failures += chunk.load().failures();
            rss = Math.max(rss, chunk.samples().maxRss().getOrDefault(StackProcesses.LAUNCHER, 0L));
            documents = store.count();
            if (documents < nextRow && documents < knobs.growthDocuments()) {
                continue;
            }
            Map<MixType, Long> applied = PhaseRunner.retrying(metrics::applied);
            PrometheusHistogram lag = PhaseRunner.retrying(metrics::workerLag);
            Map<String, Long> behind = backlog.recordsOrUnknown();
            double seconds = (System.nanoTime() - rowStart) / 1e9;
            long appliedInRow = PhaseRunner.since(appliedAtRow, applied).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            Row row = new Row(
                    documents,
                    (System.nanoTime() - start) / 60e9,
                    appliedInRow / seconds,
                    Quantiles.between(lagAtRow, lag),
                    behind.getOrDefault("payment-worker", -1L),
                    behind.getOrDefault("catalog-sync", -1L),
                    rss);
            rows.add(row);
            System.out.printf(
                    "growth: %,d documents after %.1f min, applied %,.0f/s, worker lag %s ms, backlog %,d / %,d,"
                            + " launcher RSS %,d MB%n",
                    row.documents(),
                    row.minutes(),
                    row.appliedPerSecond(),
                    row.workerLag().describe(),
                    row.workerBacklog(),
                    row.catalogBacklog(),
                    row.launcherRss() >> 20);
            nextRow = next(documents, knobs.growthReportEvery());
            rowStart = System.nanoTime();
            appliedAtRow = applied;
            lagAtRow = lag;
            rss = 0;
        }
        return new Outcome(
                rows,
                documents,
                (System.nanoTime() - start) / 60e9,
                documents >= knobs.growthDocuments(),
                ok,
                failures);
    }

    private static long next(long documents, long every) {
        return (documents / every + 1) * every;
    }
}
