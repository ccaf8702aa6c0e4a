package io.paystream.catalog.backfill;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    static BackfillView of(String runId, List<Document> documents) {
        List<TargetView> targets = documents.stream().map(BackfillView::target).toList();
        List<BackfillStatus> statuses =
                targets.stream().map(t -> BackfillStatus.of(t.status())).toList();
        boolean done = statuses.stream().allMatch(BackfillStatus::finished);
        return new BackfillView(
                runId,
                overall(statuses).value(),
                documents.get(0).getString(BackfillRuns.TRIGGER),
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
                        number(t, TypeProgress.OBJECTS),
                        number(t, TypeProgress.PAGES));
                objects += type.objects();
                pages += type.pages();
                types.add(type);
            }
        }
        Document counts = d.get(BackfillRuns.COUNTS, Document.class);
        Document c = counts == null ? new Document() : counts;
        return new TargetView(
                d.getString(BackfillRuns.ACCOUNT),
                d.getBoolean(BackfillRuns.LIVEMODE),
                d.getString(BackfillRuns.STATUS),
                d.getString(BackfillRuns.REASON),
                d.getString(BackfillRuns.RESUMED_FROM),
                instant(d, BackfillRuns.STARTED_AT),
                instant(d, BackfillRuns.HEARTBEAT_AT),
                instant(d, BackfillRuns.FINISHED_AT),
                new Counts(
                        objects,
                        pages,
                        number(c, BackfillProgress.API_CALLS),
                        number(c, BackfillProgress.RATE_LIMITED),
                        number(c, BackfillProgress.UNANSWERED)),
                types);
    }

    private static BackfillStatus overall(List<BackfillStatus> statuses) {
        if (!statuses.stream().allMatch(BackfillStatus::finished)) {
            return BackfillStatus.RUNNING;
        }
        for (BackfillStatus worst : List.of(BackfillStatus.FAILED, BackfillStatus.PARTIAL, BackfillStatus.ABANDONED)) {
            if (statuses.contains(worst)) {
                return worst;
            }
        }
        return statuses.stream().allMatch(BackfillStatus.SKIPPED::equals)
                ? BackfillStatus.SKIPPED
                : BackfillStatus.SUCCEEDED;
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
