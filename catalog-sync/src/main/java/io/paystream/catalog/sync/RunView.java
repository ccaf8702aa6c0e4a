package io.paystream.catalog.sync;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A run as the API shows it: the overall status and counts, and each target's own.
 *
 * @param status {@code running} while any target is queued or running; then {@code failed} if any target failed,
 *     {@code partial} if any is partial, {@code skipped} if all were skipped, else {@code succeeded}
 */
@Schema(description = "A catalog sync run: one id for every account and mode it covers.")
public record RunView(
        String runId,

        @Schema(allowableValues = {"running", "succeeded", "partial", "failed", "skipped"})
        String status,

        @Schema(allowableValues = {"schedule", "manual"}) String trigger,
        @Schema(nullable = true) @Nullable Instant startedAt,

        @Schema(nullable = true, description = "Set once every target finished.") @Nullable
        Instant finishedAt,

        Counts counts,
        List<TargetView> targets) {

    /** One account and mode of the run. */
    public record TargetView(
            String account,
            boolean livemode,

            @Schema(allowableValues = {"queued", "running", "succeeded", "partial", "failed", "skipped"})
            String status,

            @Schema(nullable = true, description = "Why it did not succeed.") @Nullable
            String reason,

            @Schema(nullable = true) @Nullable Instant startedAt,

            @Schema(nullable = true, description = "Last sign of life of a running sync.") @Nullable
            Instant heartbeatAt,

            @Schema(nullable = true) @Nullable Instant finishedAt,
            Counts counts) {}

    /** What a run did; while it runs, as of its last heartbeat. */
    public record Counts(
            long productsUpserted,
            long pricesUpserted,
            long productsArchived,
            long pricesArchived,

            @Schema(description = "Products not sellable after the run's validation pass.")
            long productsInvalid,

            @Schema(description = "Listed objects not written because an event had written newer state.")
            long staleSkipped,

            @Schema(description = "HTTP requests to Stripe, retries included.")
            long apiCalls,

            @Schema(description = "Requests Stripe answered 429.")
            long rateLimited,

            @Schema(description = "Requests that got no answer (network error, timeout).")
            long unanswered) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Counts of(@Nullable Document counts) {
            if (counts == null) {
                return ZERO;
            }
            long[] v = new long[RunCounts.NAMES.length];
            for (int i = 0; i < v.length; i++) {
                Number value = counts.get(RunCounts.NAMES[i], Number.class);
                v[i] = value == null ? 0 : value.longValue();
            }
            return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }

        Counts plus(Counts o) {
            return new Counts(
                    productsUpserted + o.productsUpserted,
                    pricesUpserted + o.pricesUpserted,
                    productsArchived + o.productsArchived,
                    pricesArchived + o.pricesArchived,
                    productsInvalid + o.productsInvalid,
                    staleSkipped + o.staleSkipped,
                    apiCalls + o.apiCalls,
                    rateLimited + o.rateLimited,
                    unanswered + o.unanswered);
        }
    }

    static RunView of(String runId, List<Document> documents) {
        List<TargetView> targets = documents.stream()
                .map(d -> new TargetView(
                        d.getString(SyncRuns.ACCOUNT),
                        d.getBoolean(SyncRuns.LIVEMODE),
                        d.getString(SyncRuns.STATUS),
                        d.getString(SyncRuns.REASON),
                        instant(d, SyncRuns.STARTED_AT),
                        instant(d, SyncRuns.HEARTBEAT_AT),
                        instant(d, SyncRuns.FINISHED_AT),
                        Counts.of(d.get(SyncRuns.COUNTS, Document.class))))
                .toList();
        List<RunStatus> statuses =
                targets.stream().map(t -> RunStatus.of(t.status())).toList();
        boolean done = statuses.stream().allMatch(RunStatus::finished);
        return new RunView(
                runId,
                overall(statuses).value(),
                documents.get(0).getString(SyncRuns.TRIGGER),
                targets.stream()
                        .map(TargetView::startedAt)
                        .filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                done
                        ? targets.stream()
                                .map(TargetView::finishedAt)
                                .filter(Objects::nonNull)
                                .max(Comparator.naturalOrder())
                                .orElse(null)
                        : null,
                targets.stream().map(TargetView::counts).reduce(Counts.ZERO, Counts::plus),
                targets);
    }

    private static RunStatus overall(List<RunStatus> statuses) {
        if (!statuses.stream().allMatch(RunStatus::finished)) {
            return RunStatus.RUNNING;
        }
        for (RunStatus worst : List.of(RunStatus.FAILED, RunStatus.PARTIAL)) {
            if (statuses.contains(worst)) {
                return worst;
            }
        }
        return statuses.stream().allMatch(RunStatus.SKIPPED::equals) ? RunStatus.SKIPPED : RunStatus.SUCCEEDED;
    }

    private static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
