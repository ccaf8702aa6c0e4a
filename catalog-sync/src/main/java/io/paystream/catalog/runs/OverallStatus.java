package io.paystream.catalog.runs;

import java.util.List;
import java.util.function.Predicate;

/**
 * The rule that makes one status of a run's targets' statuses, shared by sync runs and backfills (each with its own
 * status enum): {@code running} while any target is unfinished; then the first of {@code worstFirst} any target has;
 * then {@code skipped} if every target was skipped; else {@code succeeded}.
 *
 * @param finished whether a target's status is final (not queued, not running)
 * @param worstFirst the outcomes that spoil a run, the one to report first when several targets had different ones
 */
public record OverallStatus<S>(Predicate<S> finished, S running, List<S> worstFirst, S skipped, S succeeded) {

    public boolean allFinished(List<S> statuses) {
        return statuses.stream().allMatch(finished);
    }

    public S of(List<S> statuses) {
        if (!allFinished(statuses)) {
            return running;
        }
        for (S worst : worstFirst) {
            if (statuses.contains(worst)) {
                return worst;
            }
        }
        return statuses.stream().allMatch(skipped::equals) ? skipped : succeeded;
    }
}
