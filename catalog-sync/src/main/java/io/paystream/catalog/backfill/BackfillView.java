package io.paystream.catalog.backfill;

import io.paystream.catalog.runs.OverallStatus;
import io.paystream.catalog.runs.RunDocuments;
import io.paystream.catalog.runs.RunSpan;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A backfill as the API shows it: the overall status and counts, and each target's own with its types.
 *
 * @param status {@code running} while any target is queued or running; then the worst of {@code failed},
 *     {@code partial}, {@code abandoned}, {@code skipped} (all skipped), else {@code succeeded}
 */
@Schema(description = "A backfill run: one id for every account and mode it covers.")
record BackfillView(
        String runId,

        @Schema(allowableValues = {"running", "succeeded", "partial", "failed", "abandoned", "skipped"})
        String status,

        @Schema(allowableValues = {"schedule", "manual", "connection"})
        String trigger,

        @Schema(nullable = true) @Nullable Instant startedAt,

        @Schema(nullable = true, description = "Set once every target finished.") @Nullable
        Instant finishedAt,

        Counts counts,
        List<TargetView> targets) {

    /** One account and mode of the run. */
    record TargetView(
            String account,
            boolean livemode,

            @Schema(allowableValues = {"queued", "running", "succeeded", "partial", "failed", "abandoned", "skipped"})
            String status,

            @Schema(nullable = true, description = "Why it did not succeed.") @Nullable
            String reason,

            @Schema(nullable = true, description = "The abandoned run whose cursors this one continued.") @Nullable
            String resumedFrom,

            @Schema(nullable = true) @Nullable Instant startedAt,

            @Schema(nullable = true, description = "Last sign of life of a running backfill.") @Nullable
            Instant heartbeatAt,

            @Schema(nullable = true) @Nullable Instant finishedAt,
            Counts counts,
            List<TypeView> types) {}

    /** One object type of a target. */
    record TypeView(
            String type,

            @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "skipped"})
            String status,

            @Schema(nullable = true) @Nullable String reason,

            @Schema(nullable = true, description = "Id of the last object handed on: where a successor continues.")
            @Nullable
            String cursor,

            @Schema(description = "Objects handed on: published to stripe.events (products and prices: written).")
            long objects,

            long pages) {}

    /** What a backfill did; the objects and pages as of the last page, requests as of the last heartbeat. */
    record Counts(
            long objects,
            long pages,

            @Schema(description = "HTTP requests to Stripe, retries included.")
            long apiCalls,

            @Schema(description = "Requests Stripe answered 429.")
            long rateLimited,

            @Schema(description = "Requests that got no answer (network error, timeout).")
            long unanswered) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(
                    objects + o.objects,
                    pages + o.pages,
                    apiCalls + o.apiCalls,
                    rateLimited + o.rateLimited,
                    unanswered + o.unanswered);
        }
    }

    private static final OverallStatus<BackfillStatus> OVERALL = new OverallStatus<>(
            BackfillStatus::finished,
            BackfillStatus.RUNNING,
            List.of(BackfillStatus.FAILED, BackfillStatus.PARTIAL, BackfillStatus.ABANDONED),
            BackfillStatus.SKIPPED,
            BackfillStatus.SUCCEEDED);

    static BackfillView of(String runId, List<Document> documents) {
        List<TargetView> targets = documents.stream().map(BackfillView::target).toList();
        List<BackfillStatus> statuses =
                targets.stream().map(t -> BackfillStatus.of(t.status())).toList();
        RunSpan span =
                RunSpan.of(targets, TargetView::startedAt, TargetView::finishedAt, OVERALL.allFinished(statuses));
        return new BackfillView(
                runId,
                OVERALL.of(statuses).value(),
                documents.get(0).getString(RunDocuments.TRIGGER),
                span.startedAt(),
                span.finishedAt(),
                targets.stream().map(TargetView::counts).reduce(Counts.ZERO, Counts::plus),
                targets);
    }

    private static TargetView target(Document d) {
        Document typeDocuments = d.get(BackfillRuns.TYPES, Document.class);
        List<TypeView> types = new ArrayList<>();
        long objects = 0;
        long pages = 0;
        if (typeDocuments != null) {
            for (Map.Entry<String, Object> entry : typeDocuments.entrySet()) {
                Document t = (Document) entry.getValue();
                TypeView type = new TypeView(
                        entry.getKey(),
                        t.getString(TypeProgress.STATUS),
                        t.getString(TypeProgress.REASON),
                        t.getString(TypeProgress.CURSOR),
                        RunDocuments.count(t, TypeProgress.OBJECTS),
                        RunDocuments.count(t, TypeProgress.PAGES));
                objects += type.objects();
                pages += type.pages();
                types.add(type);
            }
        }
        Document counts = d.get(RunDocuments.COUNTS, Document.class);
        Document c = counts == null ? new Document() : counts;
        return new TargetView(
                d.getString(RunDocuments.ACCOUNT),
                d.getBoolean(RunDocuments.LIVEMODE),
                d.getString(RunDocuments.STATUS),
                d.getString(RunDocuments.REASON),
                d.getString(BackfillRuns.RESUMED_FROM),
                RunDocuments.instant(d, RunDocuments.STARTED_AT),
                RunDocuments.instant(d, RunDocuments.HEARTBEAT_AT),
                RunDocuments.instant(d, RunDocuments.FINISHED_AT),
                new Counts(
                        objects,
                        pages,
                        RunDocuments.count(c, BackfillProgress.API_CALLS),
                        RunDocuments.count(c, BackfillProgress.RATE_LIMITED),
                        RunDocuments.count(c, BackfillProgress.UNANSWERED)),
                types);
    }
}
