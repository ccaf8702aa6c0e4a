package io.paystream.catalog.backfill;

import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.catalog.sync.SyncTargets;
import io.paystream.support.problem.BadRequestProblem;
import io.paystream.support.problem.NotFoundProblem;
import io.paystream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Backfills", description = "Read every object of an account from Stripe and follow the run.")
@RestController
@RequestMapping(path = "/api/backfill", produces = MediaType.APPLICATION_JSON_VALUE)
class BackfillController {

    private final Backfills backfills;
    private final SyncTargets targets;
    private final BackfillRuns runs;

    BackfillController(Backfills backfills, SyncTargets targets, BackfillRuns runs) {
        this.backfills = backfills;
        this.targets = targets;
        this.runs = runs;
    }

    @Operation(
            summary = "Start a backfill now",
            description = "Reads every object of `account` (in both modes, or only `livemode`) from Stripe: payment"
                    + " objects are published to stripe.events for payment-worker, products and prices written to the"
                    + " catalog. Answers at once with the run id; follow it at the `Location`. An account another"
                    + " instance is backfilling at that moment is `skipped`: the other run covers it.")
    @ApiResponse(responseCode = "202", description = "The run was started.")
    @BadRequestProblem("`account`, `livemode` or `types` is malformed.")
    @NotFoundProblem("No such account in this mode.")
    @PostMapping
    ResponseEntity<BackfillView> start(
            @Parameter(description = "`platform` or a connected account (acct_...).")
                    @RequestParam
                    @Pattern(regexp = SyncTargetNames.ACCOUNT_PATTERN)
                    String account,
            @Parameter(description = "Only live (true) or test (false); both when absent.")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean livemode,
            @Parameter(
                            description = "Comma-separated types to read (account, balance, customers, products,"
                                    + " prices, payment_intents, charges, refunds, disputes, checkout_sessions,"
                                    + " subscriptions, invoices, payouts); the configured ones when absent.")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> types) {
        List<BackfillType> chosenTypes = types(types);
        List<SyncTarget> chosen = targets.of(account, livemode);
        if (chosen.isEmpty()) {
            throw ProblemException.notFound(
                    "Nothing to backfill",
                    "account " + account + " is not configured or connected"
                            + (livemode == null ? "" : " in this mode"));
        }
        Backfills.Started started = backfills.backfillManually(chosen, chosenTypes);
        return ResponseEntity.accepted()
                .location(URI.create("/api/backfill/" + started.runId()))
                .body(BackfillView.of(started.runId(), runs.ofRun(started.runId())));
    }

    @Operation(
            summary = "A backfill's progress and counts",
            description =
                    "Each type's status, cursor and objects as of its last page; requests as of the last heartbeat.")
    @ApiResponse(responseCode = "200", description = "The run.")
    @NotFoundProblem("No run with this id.")
    @GetMapping("/{runId}")
    BackfillView run(@Parameter(description = "The id `POST /api/backfill` answered.") @PathVariable String runId) {
        var documents = runs.ofRun(runId);
        if (documents.isEmpty()) {
            throw ProblemException.notFound("No such run", "no backfill run with this id");
        }
        return BackfillView.of(runId, documents);
    }

    private static List<BackfillType> types(@Nullable List<String> names) {
        List<BackfillType> chosen = new ArrayList<>();
        if (names == null) {
            return chosen;
        }
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            chosen.add(BackfillType.of(name)
                    .orElseThrow(() ->
                            ProblemException.badParameter("types", "unknown type '" + name + "'; known: " + known())));
        }
        return chosen;
    }

    private static String known() {
        return String.join(
                ", ", BackfillType.all().stream().map(BackfillType::value).toList());
    }
}
