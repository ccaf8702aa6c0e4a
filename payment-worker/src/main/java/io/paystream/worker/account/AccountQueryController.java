package io.paystream.worker.account;

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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Connected accounts", description = "Connect onboarding status.")
@QueryApi
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountQueryController {

    private final OnboardingQueries queries;

    AccountQueryController(OnboardingQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "A connected account's onboarding",
            description = "details_submitted, charges_enabled, payouts_enabled, Stripe's requirement lists, an overall"
                    + " status and the checklist of what is still missing, in words a person understands.")
    @ApiResponse(responseCode = "200", description = "The onboarding status.")
    @BadRequestProblem("The id is not a connected account id.")
    @NotFoundProblem("No connected account with this id.")
    @GetMapping("/{id}/onboarding")
    OnboardingView onboarding(
            @Parameter(description = "Connected account id (acct_...).")
                    @PathVariable
                    @Pattern(regexp = StripeIds.CONNECTED_ACCOUNT)
                    String id) {
        return queries.of(id);
    }
}
