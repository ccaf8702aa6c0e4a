package io.paystream.worker.subscription;

import io.paystream.support.problem.BadRequestProblem;
import io.paystream.support.problem.NotFoundProblem;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Subscriptions", description = "Subscriptions with their items and billing period.")
@QueryApi
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionQueryController {

    private final SubscriptionQueries queries;

    SubscriptionQueryController(SubscriptionQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A subscription by id")
    @ApiResponse(responseCode = "200", description = "The subscription.")
    @BadRequestProblem("The id is not a subscription id.")
    @NotFoundProblem("No subscription with this id.")
    @GetMapping("/{id}")
    SubscriptionView subscription(
            @Parameter(description = "Subscription id (sub_...).")
                    @PathVariable
                    @Pattern(regexp = StripeIds.SUBSCRIPTION)
                    String id) {
        return queries.byId(id);
    }

    @Operation(
            summary = "Subscriptions, newest first",
            description = "Subscriptions of one mode, optionally of one customer or status, newest Stripe `created`"
                    + " first (id descending on ties), in pages linked by `nextCursor`.")
    @ApiResponse(responseCode = "200", description = "One page of subscriptions.")
    @BadRequestProblem(ListParameters.INVALID)
    @GetMapping
    Page<SubscriptionView> subscriptions(
            @Parameter(description = "Only this customer (cus_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.CUSTOMER)
                    String customer,
            @Parameter(description = "Only this status. " + SubscriptionFields.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = SubscriptionFields.STATUSES)
                    String status,
            @ParameterObject @Valid ListParameters page) {
        return queries.list(new SubscriptionFilter(page.livemode(), customer, status), page.limit(), page.cursor());
    }
}
