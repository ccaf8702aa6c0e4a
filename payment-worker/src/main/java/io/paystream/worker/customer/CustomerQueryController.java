package io.paystream.worker.customer;

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

@Tag(name = "Customers", description = "Customers, including deleted ones (tombstones).")
@QueryApi
@RestController
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerQueryController {

    private final CustomerQueries queries;

    CustomerQueryController(CustomerQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A customer by id", description = "Deleted customers answer with `deleted: true`.")
    @ApiResponse(responseCode = "200", description = "The customer.")
    @BadRequestProblem("The id is not a customer id.")
    @NotFoundProblem("No customer with this id.")
    @GetMapping("/{id}")
    CustomerView customer(
            @Parameter(description = "Customer id (cus_...).") @PathVariable @Pattern(regexp = StripeIds.CUSTOMER)
                    String id) {
        return queries.byId(id);
    }
}
