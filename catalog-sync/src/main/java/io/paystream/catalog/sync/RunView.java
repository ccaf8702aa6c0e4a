package io.paystream.catalog.sync;

import io.paystream.catalog.runs.OverallStatus;
import io.paystream.catalog.runs.RunDocuments;
import io.paystream.catalog.runs.RunSpan;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
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
                v[i] = RunDocuments.count(counts, RunCounts.NAMES[i]);
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

    private static final OverallStatus<RunStatus> OVERALL = new OverallStatus<>(
            RunStatus::finished,
            RunStatus.RUNNING,
            List.of(RunStatus.FAILED, RunStatus.PARTIAL),
            RunStatus.SKIPPED,
            RunStatus.SUCCEEDED);

    static RunView of(String runId, List<Document> documents) {
        List<TargetView> targets = documents.stream()
                .map(d -> new TargetView(
                        d.getString(RunDocuments.ACCOUNT),
                        d.getBoolean(RunDocuments.LIVEMODE),
                        d.getString(RunDocuments.STATUS),
                        d.getString(RunDocuments.REASON),
                        RunDocuments.instant(d, RunDocuments.STARTED_AT),
                        RunDocuments.instant(d, RunDocuments.HEARTBEAT_AT),
                        RunDocuments.instant(d, RunDocuments.FINISHED_AT),
                        Counts.of(d.get(RunDocuments.COUNTS, Document.class))))
                .toList();
        List<RunStatus> statuses =
                targets.stream().map(t -> RunStatus.of(t.status())).toList();
        RunSpan span =
                RunSpan.of(targets, TargetView::startedAt, TargetView::finishedAt, OVERALL.allFinished(statuses));
        return new RunView(
                runId,
                OVERALL.of(statuses).value(),
                documents.get(0).getString(RunDocuments.TRIGGER),
                span.startedAt(),
                span.finishedAt(),
                targets.stream().map(TargetView::counts).reduce(Counts.ZERO, Counts::plus),
                targets);
    }
}
