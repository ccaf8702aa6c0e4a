package io.paystream.worker.payment;

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

@Tag(name = "Payments", description = "PaymentIntents with their charges, refunds and disputes.")
@QueryApi
@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentQueryController {

    private final PaymentQueries queries;

    PaymentQueryController(PaymentQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "A payment by PaymentIntent id",
            description = "The PaymentIntent with every charge, refund, the refunded total, the newest dispute, the"
                    + " receipt URL of the latest charge and the card's brand, last 4 and expiry.")
    @ApiResponse(responseCode = "200", description = "The payment.")
    @BadRequestProblem("The id is not a PaymentIntent id.")
    @NotFoundProblem("No payment with this id.")
    @GetMapping("/{id}")
    PaymentView payment(
            @Parameter(description = "PaymentIntent id (pi_...).")
                    @PathVariable
                    @Pattern(regexp = StripeIds.PAYMENT_INTENT)
                    String id) {
        return queries.byId(id);
    }

    @Operation(
            summary = "Payments, newest first",
            description = "PaymentIntents of one mode, optionally of one account, customer or status, newest Stripe"
                    + " `created` first (id descending on ties), in pages linked by `nextCursor`.")
    @ApiResponse(responseCode = "200", description = "One page of payments.")
    @BadRequestProblem(ListParameters.INVALID)
    @GetMapping
    Page<PaymentSummary> payments(
            @Parameter(description = "Only this account: `platform` or a connected account (acct_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.ACCOUNT)
                    String account,
            @Parameter(description = "Only this customer (cus_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.CUSTOMER)
                    String customer,
            @Parameter(description = "Only this status. " + PaymentIntentFields.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = PaymentIntentFields.STATUSES)
                    String status,
            @ParameterObject @Valid ListParameters page) {
        return queries.list(new PaymentFilter(page.livemode(), account, customer, status), page.limit(), page.cursor());
    }
}
