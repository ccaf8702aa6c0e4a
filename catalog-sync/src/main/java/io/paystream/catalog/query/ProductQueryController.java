package io.paystream.catalog.query;

import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.support.problem.BadRequestProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Products", description = "The synced catalog: products with their prices and sellable verdicts.")
@RestController
@RequestMapping(path = "/api/catalog/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductQueryController {

    private final ProductQueries queries;

    ProductQueryController(ProductQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Products with their prices",
            description = "Products of one mode, optionally of one account, by Stripe `active` and by `sellable`"
                    + " (`sellable=false` lists what needs fixing, with reasons). Ordered by account and product id,"
                    + " in pages linked by `nextCursor`. Archived products (gone from Stripe) only with"
                    + " `archived=true`.")
    @ApiResponse(responseCode = "200", description = "One page of products.")
    @BadRequestProblem("A filter, the limit or the cursor is invalid (or the cursor belongs to other filters).")
    @GetMapping
    ProductPage products(
            @Parameter(description = "Only this account: `platform` or a connected account (acct_...).")
                    @RequestParam(required = false)
                    @Pattern(regexp = SyncTargetNames.ACCOUNT_PATTERN)
                    @Nullable
                    String account,
            @Parameter(description = "Live (true) or test (false) data; never mixed.")
                    @RequestParam(defaultValue = "false")
                    boolean livemode,
            @Parameter(description = "Only products whose Stripe `active` is this.")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean active,
            @Parameter(description = "Only sellable (true) or not sellable (false) products.")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean sellable,
            @Parameter(description = "Archived products (no longer in Stripe) instead of existing ones.")
                    @RequestParam(defaultValue = "false")
                    boolean archived,
            @Parameter(description = "Page size, 1 to 100.") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int limit,
            @Parameter(description = "The `nextCursor` of the previous page, unchanged; omit for the first page.")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor) {
        return queries.list(new ProductQueries.Filter(account, livemode, active, sellable, archived), limit, cursor);
    }
}
