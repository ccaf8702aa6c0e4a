package io.paystream.catalog.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored product with its prices and its sellable verdict. Amounts are in the currency's minor unit. */
@Schema(description = "A Stripe product as synced, with its prices and whether it can be sold.")
public record ProductView(
        String id,
        String account,
        boolean livemode,
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String description,
        @Schema(description = "Stripe's `active`.") boolean active,

        @Schema(nullable = true, description = "null until the first validation after it was written.")
        Boolean sellable,

        @Schema(description = "Why it is not sellable; empty when it is.")
        List<ReasonView> reasons,

        @Schema(nullable = true) String defaultPrice,
        Map<String, Object> metadata,
        @Schema(nullable = true) Instant created,
        @Schema(nullable = true) Instant updated,

        @Schema(description = "The product no longer exists in Stripe; kept as a tombstone.")
        boolean archived,

        @Schema(nullable = true) Instant archivedAt,

        @Schema(
                nullable = true,
                allowableValues = {"deleted", "missing_from_stripe"})
        String archivedReason,

        @Schema(description = "Its prices that still exist in Stripe, active or not, by id.")
        List<PriceView> prices) {

    /** A reason code for machines and a message for people. */
    public record ReasonView(String code, String message) {}

    /** A price of the product. */
    public record PriceView(
            String id,
            boolean active,
            @Schema(nullable = true) String currency,
            @Schema(nullable = true) Long unitAmount,

            @Schema(
                    nullable = true,
                    allowableValues = {"one_time", "recurring"})
            String type,

            @Schema(nullable = true) Recurring recurring,
            @Schema(nullable = true) String nickname,
            @Schema(nullable = true) String lookupKey,
            @Schema(nullable = true) Instant created) {}

    /** How often a recurring price bills. */
    public record Recurring(
            @Schema(nullable = true) String interval,
            @Schema(nullable = true) Long intervalCount,
            @Schema(nullable = true) String usageType) {}
}
