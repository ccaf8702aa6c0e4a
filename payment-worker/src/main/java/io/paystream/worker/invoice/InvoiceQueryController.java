package io.paystream.worker.invoice;

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

@Tag(name = "Invoices", description = "Invoices with amounts, hosted page, PDF and collection attempts.")
@QueryApi
@RestController
@RequestMapping(path = "/api/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
class InvoiceQueryController {

    private final InvoiceQueries queries;

    InvoiceQueryController(InvoiceQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "An invoice by id")
    @ApiResponse(responseCode = "200", description = "The invoice.")
    @BadRequestProblem("The id is not an invoice id.")
    @NotFoundProblem("No invoice with this id.")
    @GetMapping("/{id}")
    InvoiceView invoice(
            @Parameter(description = "Invoice id (in_...).") @PathVariable @Pattern(regexp = StripeIds.INVOICE)
                    String id) {
        return queries.byId(id);
    }

    @Operation(
            summary = "Invoices, newest first",
            description = "Invoices of one mode, optionally of one subscription, customer or status, newest Stripe"
                    + " `created` first (id descending on ties), in pages linked by `nextCursor`.")
    @ApiResponse(responseCode = "200", description = "One page of invoices.")
    @BadRequestProblem(ListParameters.INVALID)
    @GetMapping
    Page<InvoiceView> invoices(
            @Parameter(description = "Only invoices of this subscription (sub_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.SUBSCRIPTION)
                    String subscription,
            @Parameter(description = "Only invoices of this customer (cus_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = StripeIds.CUSTOMER)
                    String customer,
            @Parameter(description = "Only this status. " + InvoiceFields.STATUS_DESCRIPTION)
                    @RequestParam(required = false)
                    @Pattern(regexp = InvoiceFields.STATUSES)
                    String status,
            @ParameterObject @Valid ListParameters page) {
        return queries.list(
                new InvoiceFilter(page.livemode(), subscription, customer, status), page.limit(), page.cursor());
    }
}
