package io.paystream.worker.query.subscription;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Subscriptions", description = "Subscriptions with their items and billing period.")
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionQueryController {

    private final SubscriptionQueries queries;

    SubscriptionQueryController(SubscriptionQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A subscription by id")
    @ApiResponse(responseCode = "200", description = "The subscription.")
    @ApiResponse(
            responseCode = "400",
            description = "The id is not a subscription id.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No subscription with this id.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
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
    @ApiResponse(
            responseCode = "400",
            description = "A filter, the limit or the cursor is invalid (or the cursor belongs to other filters).",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping
    Page<SubscriptionView> subscriptions(
            @Parameter(description = "Live (true) or test (false) data; never mixed.")
                    @RequestParam(defaultValue = "false")
                    boolean livemode,
            @Parameter(description = "Only this customer (cus_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.CUSTOMER)
                    String customer,
            @Parameter(description = "Only this status. " + SubscriptionQueries.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = SubscriptionQueries.STATUSES)
                    String status,
            @Parameter(description = "Page size, 1 to 100.")
                    @RequestParam(defaultValue = "" + ListRequest.DEFAULT_LIMIT)
                    @Min(1)
                    @Max(ListRequest.MAX_LIMIT)
                    int limit,
            @Parameter(description = "The `nextCursor` of the previous page, unchanged; omit for the first page.")
                    @RequestParam(required = false)
                    String cursor) {
        return queries.list(new SubscriptionFilter(livemode, customer, status), limit, cursor);
    }
}
