package io.paystream.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The highest paced rate the stack holds (PhaseResult#failures): from a start rate, doubled while it holds, then
 * bisected between the highest holding and the lowest failing rate until they are within the precision. Each trial
 * first waits for the previous one's backlog to drain, so a failed trial does not sink the next.
 */
final class RateSearch {

    /** A trial starts once neither consumer group is behind by more than this (or the settle bound passed). */
    static final long SETTLED = 100;

    /** @param highestHolding 0 when no rate tried held */
    record Outcome(List<PhaseResult> trials, int highestHolding) {}

    private RateSearch() {}

    static Outcome run(PhaseRunner runner, Knobs knobs) {
        List<PhaseResult> trials = new ArrayList<>();
        int holding = 0;
        int failing = 0;
        int rate = knobs.searchStart();
        while (trials.size() < knobs.searchMaxTrials() && rate >= knobs.searchMinRate()) {
            runner.settle(Duration.ofSeconds(knobs.settleSeconds()), SETTLED);
            PhaseResult trial = runner.run(
                    "search %,d/s".formatted(rate),
                    rate,
                    knobs.searchSeconds(),
                    Duration.ofSeconds(knobs.drainSeconds()));
            trials.add(trial);
            List<String> failures = trial.failures(knobs.p99LimitMillis());
            StackReport.progress(trial, failures.isEmpty() ? "holds" : "fails: " + String.join("; ", failures));
            if (failures.isEmpty()) {
                holding = rate;
            } else {
                failing = rate;
            }
            if (failing == 0) {
                rate *= 2;
                continue;
            }
            if (failing - holding <= knobs.searchPrecision() * failing) {
                break;
            }
            rate = (holding + failing) / 2;
        }
        return new Outcome(trials, holding);
    }
}
