package io.paystream.worker.payout;

import io.paystream.support.problem.BadRequestProblem;
import io.paystream.worker.query.ListParameters;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryApi;
import io.paystream.worker.query.StripeIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payouts", description = "Payouts with status, arrival date and failure reason.")
@QueryApi
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
    @BadRequestProblem(ListParameters.INVALID)
    @GetMapping
    Page<PayoutView> payouts(
            @Parameter(description = "Only payouts of this account: `platform` or a connected account (acct_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.ACCOUNT)
                    String account,
            @Parameter(description = "Only this status. " + PayoutFields.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = PayoutFields.STATUSES)
                    String status,
            @ParameterObject @Valid ListParameters page) {
        return queries.list(new PayoutFilter(page.livemode(), account, status), page.limit(), page.cursor());
    }
}
