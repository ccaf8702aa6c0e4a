package io.paystream.bench.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The backfill benchmark's report: the setup, then one section a measured run. */
final class BackfillReport {

    private BackfillReport() {}

    /** What the emulator seeds into each account the benchmark backfills. */
    record Seed(int customers, int paymentIntents, int subscriptions, int invoices) {}

    /**
     * One backfill, followed from its request to the worker's last object.
     *
     * @param run the run as catalog-sync's API last showed it
     * @param listed when the run was seen ended, null when it did not end in time
     */
    record Measured(
            String label,
            JsonNode run,
            Instant start,
            @Nullable Instant listed,
            Instant end,
            long published,
            long processed,
            long applied,
            Map<String, Long> peakHeap,
            Map<String, Duration> cpuBefore,
            Map<String, Duration> cpuAfter) {}

    static String render(List<Measured> runs, int rateLimit, Seed seed) {
        StringBuilder out = new StringBuilder();
        out.append("### Backfill benchmark (`bench/backfill.sh`), ")
                .append(Instant.now())
                .append("\n\n");
        out.append("Special setup: `./paystream up` with catalog-sync's test-mode limiter at ")
                .append(rateLimit)
                .append(" requests/s (Stripe's live limit) and the emulator's own limits off. Seeded per account: ")
                .append("%,d customers, %,d PaymentIntents with their charges, %,d subscriptions, %,d invoices."
                        .formatted(seed.customers(), seed.paymentIntents(), seed.subscriptions(), seed.invoices()))
                .append("\n");
        for (Measured measured : runs) {
            section(out, measured, rateLimit);
        }
        return out.toString();
    }

    /**
     * From the run's start to its end as catalog-sync recorded them: the benchmark sees the end only at its next poll,
     * up to 2 s later. When the run has no end yet, until the benchmark saw it end (NaN if it never did).
     */
    private static double listingSeconds(Measured measured) {
        JsonNode run = measured.run();
        if (run.path("startedAt").isString() && run.path("finishedAt").isString()) {
            return Duration.between(
                                    Instant.parse(run.path("startedAt").asString()),
                                    Instant.parse(run.path("finishedAt").asString()))
                            .toMillis()
                    / 1000.0;
        }
        return measured.listed() == null
                ? Double.NaN
                : Duration.between(measured.start(), measured.listed()).toMillis() / 1000.0;
    }

    private static void section(StringBuilder out, Measured measured, int rateLimit) {
        JsonNode run = measured.run();
        double listingSeconds = listingSeconds(measured);
        double endToEndSeconds =
                Duration.between(measured.start(), measured.end()).toMillis() / 1000.0;
        long apiCalls = 0;
        long objects = 0;
        for (JsonNode target : run.path("targets")) {
            apiCalls += target.path("counts").path("apiCalls").asLong();
            objects += target.path("counts").path("objects").asLong();
        }
        out.append("\n#### ").append(measured.label()).append("\n\n");
        out.append("- Run ")
                .append(run.path("runId").asString())
                .append(": ")
                .append(run.path("status").asString());
        out.append("; %,d objects read in %,d API calls, listing %.1f s (the run's own start to end)"
                        .formatted(objects, apiCalls, listingSeconds))
                .append('\n');
        out.append("- Limiter budget used while listing: %.0f%% (%,.1f requests/s of %d)"
                        .formatted(
                                100.0 * apiCalls / (rateLimit * listingSeconds), apiCalls / listingSeconds, rateLimit))
                .append('\n');
        out.append("- Published to stripe.fetched: %,d; processed by payment-worker: %,d (applied %,d)"
                        .formatted(measured.published(), measured.processed(), measured.applied()))
                .append('\n');
        out.append("- **End to end: %,.0f objects/s applied** (%,d in %.1f s, from the request to the worker's last)"
                        .formatted(measured.processed() / endToEndSeconds, measured.processed(), endToEndSeconds))
                .append('\n');
        out.append("- Peak used heap (MB): ");
        measured.peakHeap()
                .forEach((service, bytes) ->
                        out.append(service).append(' ').append(bytes >> 20).append(", "));
        out.append("\n- CPU over the run (s): ");
        measured.cpuAfter().forEach((name, after) -> out.append(name)
                .append(' ')
                .append(after.minus(measured.cpuBefore().getOrDefault(name, Duration.ZERO))
                        .toSeconds())
                .append(", "));
        out.append("\n\nPer type:\n\n| type | status | objects | pages |\n|---|---|---|---|\n");
        for (JsonNode target : run.path("targets")) {
            for (JsonNode type : target.path("types")) {
                out.append("| %s | %s | %,d | %,d |%n"
                        .formatted(
                                type.path("type").asString(),
                                type.path("status").asString(),
                                type.path("objects").asLong(),
                                type.path("pages").asLong()));
            }
        }
    }
}
