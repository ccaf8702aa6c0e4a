package io.paystream.bench.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's Markdown report, built section by section as the phases finish. */
final class StackReport {

    private static final List<String> PROCESSES = List.of(
            StackProcesses.LAUNCHER,
            StackProcesses.KAFKA,
            "webhook-ingest",
            "payment-worker",
            "catalog-sync",
            "stripe-emulator");

    private final StringBuilder text = new StringBuilder();
    private final List<String> verdicts = new ArrayList<>();

    StackReport(String title) {
        text.append("### ").append(title).append("\n\n");
    }

    void line(String line) {
        text.append(line).append('\n');
    }

    /** A line of the verdict list that heads the report. */
    void verdict(String verdict) {
        verdicts.add(verdict);
    }

    /** One line to the console while the run goes on. */
    static void progress(PhaseResult phase, String verdict) {
        System.out.printf(
                "%s (%,d stored): %,d 200s (%,.0f/s), %,d other, applied %,.0f/s in the window, %s, worker lag %s"
                        + " ms, catalog lag %s, backlog at end %,d: %s%n",
                phase.name(),
                phase.documentsAtStart(),
                phase.load().okTotal(),
                phase.okPerSecond(),
                phase.load().failures(),
                phase.appliedPerSecond(),
                (phase.allApplied() ? "all applied " : "NOT all applied ")
                        + "%.0f s after".formatted(phase.drainSeconds()),
                phase.workerLag().describe(),
                phase.catalogLag() == null ? "unavailable" : phase.catalogLag().describe() + " ms",
                phase.backlogLast(),
                verdict);
    }

    void phases(List<PhaseResult> phases) {
        line("#### Phases\n");
        line("Lag: ingest receipt to state written, the services' own histograms (bucket upper bounds, ms),"
                + " p50 / p95 / p99 / max, over the window and the drain after it. Backlog: records the consumer group"
                + " has not committed, sampled through the window, first / max / last.\n");
        line("| phase | stored at start | offered/s | 200 | other | 200/s | applied/s in window |"
                + " all applied (s after) | worker lag ms | catalog lag ms | backlog worker | backlog catalog |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (PhaseResult p : phases) {
            line("| %s | %,d | %s | %,d | %,d | %,.0f | %,.0f | %s | %s | %s | %s | %s |"
                    .formatted(
                            p.name(),
                            p.documentsAtStart(),
                            p.offeredRate() == 0 ? "closed loop" : "%,d".formatted(p.offeredRate()),
                            p.load().okTotal(),
                            p.load().failures(),
                            p.okPerSecond(),
                            p.appliedPerSecond(),
                            (p.allApplied() ? "yes" : "**no**") + " (%.0f)".formatted(p.drainSeconds()),
                            p.workerLag().describe(),
                            p.catalogLag() == null
                                    ? "unavailable"
                                    : p.catalogLag().describe(),
                            backlog(p, "payment-worker"),
                            backlog(p, "catalog-sync")));
        }
        line("\n200s / applied per type (applied counted until the drain ended):\n");
        line("| phase | "
                + java.util.Arrays.stream(MixType.values())
                        .map(MixType::eventType)
                        .collect(Collectors.joining(" | ")) + " |");
        line("|---|---|---|---|---|---|---|");
        for (PhaseResult p : phases) {
            line("| " + p.name() + " | "
                    + java.util.Arrays.stream(MixType.values())
                            .map(t -> "%,d / %,d"
                                    .formatted(
                                            p.load().ok().get(t),
                                            p.appliedAfterDrain().get(t)))
                            .collect(Collectors.joining(" | "))
                    + " |");
        }
        resources(phases);
    }

    private void resources(List<PhaseResult> phases) {
        line("\nCPU over the window, % of one core (the machine has "
                + Runtime.getRuntime().availableProcessors() + "):\n");
        line("| phase | " + String.join(" | ", PROCESSES) + " | wrk | total |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (PhaseResult p : phases) {
            double total = p.cpuPercent().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            line("| " + p.name() + " | "
                    + PROCESSES.stream()
                            .map(name -> "%.0f".formatted(p.cpuPercent().getOrDefault(name, Double.NaN)))
                            .collect(Collectors.joining(" | "))
                    + " | %.0f | %.0f |".formatted(p.cpuPercent().getOrDefault("wrk", Double.NaN), total));
        }
        line("\nMemory, largest sample in the window: resident MB (used heap MB where the service publishes it):\n");
        line("| phase | " + String.join(" | ", PROCESSES) + " |");
        line("|---|---|---|---|---|---|---|");
        for (PhaseResult p : phases) {
            line("| " + p.name() + " | "
                    + PROCESSES.stream().map(name -> memory(p, name)).collect(Collectors.joining(" | ")) + " |");
        }
    }

    void search(RateSearch.Outcome search, long p99LimitMillis) {
        line("\n#### Rate search\n");
        line("| trial | stored at start | offered/s | 200/s | applied/s | started with backlog | verdict |");
        line("|---|---|---|---|---|---|---|");
        int n = 0;
        for (PhaseResult trial : search.trials()) {
            List<String> failures = trial.failures(p99LimitMillis);
            line("| %d | %,d | %,d | %,.0f | %,.0f | %,d | %s |"
                    .formatted(
                            ++n,
                            trial.documentsAtStart(),
                            trial.offeredRate(),
                            trial.okPerSecond(),
                            trial.appliedPerSecond(),
                            trial.startBacklog(),
                            failures.isEmpty() ? "holds" : "fails: " + String.join("; ", failures)));
        }
    }

    void growth(GrowthPhase.Outcome growth) {
        line("\n#### Growth\n");
        line("| documents | minutes | applied/s | worker lag ms p50 / p95 / p99 / max | backlog worker / catalog |"
                + " launcher RSS MB |");
        line("|---|---|---|---|---|---|");
        for (GrowthPhase.Row row : growth.rows()) {
            line("| %,d | %.1f | %,.0f | %s | %,d / %,d | %,d |"
                    .formatted(
                            row.documents(),
                            row.minutes(),
                            row.appliedPerSecond(),
                            row.workerLag().describe(),
                            row.workerBacklog(),
                            row.catalogBacklog(),
                            row.launcherRss() >> 20));
        }
        line("\n%,d 200s and %,d other answers while growing.".formatted(growth.ok(), growth.failures()));
    }

    void queries(long documents, List<QueryTimings.Timing> timings) {
        line("\n#### Query API with %,d documents stored\n".formatted(documents));
        line("| query | requests | failures | p50 ms | p99 ms | max ms |");
        line("|---|---|---|---|---|---|");
        for (QueryTimings.Timing t : timings) {
            line("| `%s` | %d | %s | %.1f | %.1f | %.1f |"
                    .formatted(
                            t.query(),
                            t.requests(),
                            t.failures() == 0 ? "0" : t.failures() + " (first: " + t.firstFailure() + ")",
                            t.p50Millis(),
                            t.p99Millis(),
                            t.maxMillis()));
        }
    }

    void documents(Map<String, Long> byCollection) {
        line("\n#### Stored documents by collection\n");
        line(byCollection.entrySet().stream()
                .map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        int title = text.indexOf("\n\n") + 2;
        out.append(text, 0, title);
        verdicts.forEach(v -> out.append("- ").append(v).append('\n'));
        out.append('\n').append(text.substring(title));
        return out.toString();
    }

    private static String backlog(PhaseResult p, String group) {
        WindowSampler.Samples s = p.samples();
        return "%,d / %,d / %,d".formatted(s.first(group), s.max(group), s.last(group));
    }

    private static String memory(PhaseResult p, String process) {
        long rss = p.samples().maxRss().getOrDefault(process, 0L) >> 20;
        Long heap = p.samples().maxHeap().get(process);
        return heap == null ? "%,d".formatted(rss) : "%,d (%,d)".formatted(rss, heap >> 20);
    }
}
