package io.paystream.worker.query.payout;

import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.StripeIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payouts", description = "Payouts with status, arrival date and failure reason.")
@RestController
@RequestMapping(path = "/api/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
class PayoutQueryController {

    private final PayoutQueries queries;

    PayoutQueryController(PayoutQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Payouts, newest first",
            description = "Payouts of one mode, optionally of one account or status, newest Stripe `created` first"
                    + " (id descending on ties), in pages linked by `nextCursor`.")
    @ApiResponse(responseCode = "200", description = "One page of payouts.")
    @ApiResponse(
            responseCode = "400",
            description = "A filter, the limit or the cursor is invalid (or the cursor belongs to other filters).",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping
    Page<PayoutView> payouts(
            @Parameter(description = "Live (true) or test (false) data; never mixed.")
                    @RequestParam(defaultValue = "false")
                    boolean livemode,
            @Parameter(description = "Only payouts of this account: `platform` or a connected account (acct_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.ACCOUNT)
                    String account,
            @Parameter(description = "Only this status. " + PayoutQueries.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = PayoutQueries.STATUSES)
                    String status,
            @Parameter(description = "Page size, 1 to 100.")
                    @RequestParam(defaultValue = "" + ListRequest.DEFAULT_LIMIT)
                    @Min(1)
                    @Max(ListRequest.MAX_LIMIT)
                    int limit,
            @Parameter(description = "The `nextCursor` of the previous page, unchanged; omit for the first page.")
                    @RequestParam(required = false)
                    String cursor) {
        return queries.list(new PayoutFilter(livemode, account, status), limit, cursor);
    }
}
