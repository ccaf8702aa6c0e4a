package io.paystream.catalog.runs;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * When a run of several targets started and finished, as sync runs and backfills show it: one rule for both so the
 * two APIs agree.
 *
 * @param startedAt the earliest start of any target; null while none started
 * @param finishedAt the latest finish of a target, set only once every target finished
 */
public record RunSpan(@Nullable Instant startedAt, @Nullable Instant finishedAt) {

    /** @param allFinished whether every target finished; until then the run has no finish time */
    public static <T> RunSpan of(
            List<T> targets,
            Function<? super T, @Nullable Instant> startedAt,
            Function<? super T, @Nullable Instant> finishedAt,
            boolean allFinished) {
        return new RunSpan(
                targets.stream()
                        .map(startedAt)
                        .filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                allFinished
                        ? targets.stream()
                                .map(finishedAt)
                                .filter(Objects::nonNull)
                                .max(Comparator.naturalOrder())
                                .orElse(null)
                        : null);
    }
}
