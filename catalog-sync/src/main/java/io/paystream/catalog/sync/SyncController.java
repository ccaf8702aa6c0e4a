package io.paystream.catalog.sync;

import io.paystream.support.problem.BadRequestProblem;
import io.paystream.support.problem.NotFoundProblem;
import io.paystream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
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

@Tag(name = "Sync runs", description = "Start a full catalog sync and follow it.")
@RestController
@RequestMapping(path = "/api/catalog/sync", produces = MediaType.APPLICATION_JSON_VALUE)
class SyncController {

    private final CatalogSync sync;
    private final SyncTargets targets;
    private final SyncRuns runs;

    SyncController(CatalogSync sync, SyncTargets targets, SyncRuns runs) {
        this.sync = sync;
        this.targets = targets;
        this.runs = runs;
    }

    @Operation(
            summary = "Start a full sync now",
            description = "Syncs every configured or connected account, or only `account` (in both modes, or only"
                    + " `livemode`). Answers at once with the run id; follow it at the `Location`. An account another"
                    + " instance is syncing at that moment is `skipped` in this run: the other run covers it.")
    @ApiResponse(responseCode = "202", description = "The run was started.")
    @BadRequestProblem("`account` or `livemode` is malformed.")
    @NotFoundProblem("No catalog to sync for this account and mode.")
    @PostMapping
    ResponseEntity<RunView> start(
            @Parameter(description = "Only this account: `platform` or a connected account (acct_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = SyncTargetNames.ACCOUNT_PATTERN)
                    @Nullable
                    String account,
            @Parameter(description = "Only live (true) or test (false); both when absent.")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean livemode) {
        List<SyncTarget> chosen = targets.of(account, livemode);
        if (chosen.isEmpty()) {
            throw ProblemException.notFound(
                    "No catalog to sync",
                    account == null
                            ? "no account is configured or connected" + (livemode == null ? "" : " in this mode")
                            : "account " + account + " is not configured or connected"
                                    + (livemode == null ? "" : " in this mode"));
        }
        CatalogSync.Started started = sync.syncManually(chosen);
        return ResponseEntity.accepted()
                .location(URI.create("/api/catalog/sync/" + started.runId()))
                .body(RunView.of(started.runId(), runs.ofRun(started.runId())));
    }

    @Operation(
            summary = "A run's progress and counts",
            description = "Counts of running targets are as of their last heartbeat.")
    @ApiResponse(responseCode = "200", description = "The run.")
    @NotFoundProblem("No run with this id.")
    @GetMapping("/{runId}")
    RunView run(@Parameter(description = "The id `POST /api/catalog/sync` answered.") @PathVariable String runId) {
        var documents = runs.ofRun(runId);
        if (documents.isEmpty()) {
            throw ProblemException.notFound("No such run", "no sync run with this id");
        }
        return RunView.of(runId, documents);
    }
}
