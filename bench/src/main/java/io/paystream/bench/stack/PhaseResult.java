package io.paystream.bench.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One load window of the mix and what the stack did with it.
 *
 * @param offeredRate events per second asked of the paced wrk; 0 for as fast as it goes (closed loop)
 * @param tag the wrk run's id tag: its events' ids are {@code MixScript.id(tag, group, n)}
 * @param appliedInWindow events the services applied between the window's start and end, per type
 * @param appliedAfterDrain the same from the window's start until the drain ended
 * @param drainSeconds from the window's end until every 200 was applied, or the drain's bound when not all were
 * @param startBacklog the larger group backlog when the window started (left over from before)
 * @param documentsAtStart documents stored when the window started: every window adds about one per event
 * @param workerLag payment-worker's receipt-to-written lag over the window and the drain
 * @param catalogLag catalog-sync's, null while it publishes none
 * @param cpuPercent per process, CPU time over the window as % of one core; wrk included
 */
record PhaseResult(
        String name,
        int offeredRate,
        String tag,
        double windowSeconds,
        MixRun load,
        Map<MixType, Long> appliedInWindow,
        Map<MixType, Long> appliedAfterDrain,
        double drainSeconds,
        long startBacklog,
        long documentsAtStart,
        Quantiles workerLag,
        @Nullable Quantiles catalogLag,
        WindowSampler.Samples samples,
        Map<String, Double> cpuPercent) {

    boolean allApplied() {
        return load.ok().entrySet().stream()
                .allMatch(e -> appliedAfterDrain.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    double okPerSecond() {
        return load.okTotal() / windowSeconds;
    }

    double appliedPerSecond() {
        return appliedInWindow.values().stream().mapToLong(Long::longValue).sum() / windowSeconds;
    }

    /** The end-to-end rate of a closed-loop window: its 200s over the time until the last of them was applied. */
    double endToEndPerSecond() {
        return allApplied() ? load.okTotal() / (windowSeconds + drainSeconds) : Double.NaN;
    }

    long backlogLast() {
        return ConsumerBacklog.GROUPS.stream().mapToLong(samples::last).max().orElse(-1);
    }

    /** Below this share of the offered rate answered 200, a paced window does not hold that rate. */
    static final double MIN_ANSWERED_SHARE = 0.95;

    /**
     * Why the window's rate does not hold (issue 11's criteria), empty when it does: every 200 applied, p99 lag under
     * the limit (each service that measures it), at the window's end a backlog no larger than a second of the rate
     * (at least 1,000 records), i.e. not growing, and at least 95% of the offered rate answered 200.
     */
    List<String> failures(long p99LimitMillis) {
        List<String> failures = new ArrayList<>();
        if (load.okTotal() == 0) {
            failures.add("no 200s");
        }
        if (!allApplied()) {
            failures.add("not all applied within %.0f s".formatted(drainSeconds));
        }
        if (workerLag.p99Millis() >= p99LimitMillis) {
            failures.add("worker p99 " + describe(workerLag.p99Millis()));
        }
        if (catalogLag != null && catalogLag.p99Millis() >= p99LimitMillis) {
            failures.add("catalog p99 " + describe(catalogLag.p99Millis()));
        }
        long allowed = Math.max(1000, offeredRate);
        if (backlogLast() > allowed) {
            failures.add("backlog %,d at the end (allowed %,d)".formatted(backlogLast(), allowed));
        }
        if (load.failures() > 0) {
            failures.add("%,d requests not answered 200".formatted(load.failures()));
        }
        // A paced wrk whose requests wait longer sends less than asked: the rate held is the rate answered.
        if (offeredRate > 0 && okPerSecond() < MIN_ANSWERED_SHARE * offeredRate) {
            failures.add("answered %,.0f/s of the %,d/s offered".formatted(okPerSecond(), offeredRate));
        }
        return failures;
    }

    private static String describe(double millis) {
        return Double.isInfinite(millis) ? "past the histogram" : "≤ %,.0f ms".formatted(millis);
    }
}
