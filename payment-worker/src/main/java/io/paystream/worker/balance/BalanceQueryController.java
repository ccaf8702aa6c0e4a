package io.paystream.worker.balance;

import io.paystream.support.problem.BadRequestProblem;
import io.paystream.support.problem.NotFoundProblem;
import io.paystream.worker.query.QueryApi;
import io.paystream.worker.query.StripeIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Balances", description = "Available and pending balance per account and currency.")
@QueryApi
@RestController
@RequestMapping(path = "/api/balances", produces = MediaType.APPLICATION_JSON_VALUE)
class BalanceQueryController {

    private final BalanceQueries queries;

    BalanceQueryController(BalanceQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "An account's balance",
            description = "Available and pending amounts per currency, as of the account's latest"
                    + " `balance.available` event in the given mode.")
    @ApiResponse(responseCode = "200", description = "The balance.")
    @BadRequestProblem("The account is neither `platform` nor a connected account id.")
    @NotFoundProblem("No balance seen for this account in this mode.")
    @GetMapping("/{account}")
    BalanceView balance(
            @Parameter(description = "`platform` or a connected account (acct_...).")
                    @PathVariable
                    @Pattern(regexp = StripeIds.ACCOUNT)
                    String account,
            @Parameter(description = "Live (true) or test (false) balance.") @RequestParam(defaultValue = "false")
                    boolean livemode) {
        return queries.of(account, livemode);
    }
}
