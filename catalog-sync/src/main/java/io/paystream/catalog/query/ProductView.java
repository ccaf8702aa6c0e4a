package io.paystream.catalog.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stored product with its prices and its sellable verdict. Amounts are in the currency's minor unit. */
@Schema(description = "A Stripe product as synced, with its prices and whether it can be sold.")
public record ProductView(
        String id,
        String account,
        boolean livemode,
        @Schema(nullable = true) @Nullable String name,
        @Schema(nullable = true) @Nullable String description,
        @Schema(description = "Stripe's `active`.") boolean active,

        @Schema(nullable = true, description = "null until the first validation after it was written.") @Nullable
        Boolean sellable,

        @Schema(description = "Why it is not sellable; empty when it is.")
        List<ReasonView> reasons,

        @Schema(nullable = true) @Nullable String defaultPrice,
        Map<String, Object> metadata,
        @Schema(nullable = true) @Nullable Instant created,
        @Schema(nullable = true) @Nullable Instant updated,

        @Schema(description = "The product no longer exists in Stripe; kept as a tombstone.")
        boolean archived,

        @Schema(nullable = true) @Nullable Instant archivedAt,

        @Schema(
                nullable = true,
                allowableValues = {"deleted", "missing_from_stripe"})
        @Nullable
        String archivedReason,

        @Schema(description = "Its prices that still exist in Stripe, active or not, by id.")
        List<PriceView> prices) {

    /** A reason code for machines and a message for people. */
    public record ReasonView(String code, String message) {}

    /** A price of the product. */
    public record PriceView(
            String id,
            boolean active,
            @Schema(nullable = true) @Nullable String currency,
            @Schema(nullable = true) @Nullable Long unitAmount,

            @Schema(
                    nullable = true,
                    allowableValues = {"one_time", "recurring"})
            @Nullable
            String type,

            @Schema(nullable = true) @Nullable Recurring recurring,
            @Schema(nullable = true) @Nullable String nickname,
            @Schema(nullable = true) @Nullable String lookupKey,
            @Schema(nullable = true) @Nullable Instant created) {}

    /** How often a recurring price bills. */
    public record Recurring(
            @Schema(nullable = true) @Nullable String interval,
            @Schema(nullable = true) @Nullable Long intervalCount,
            @Schema(nullable = true) @Nullable String usageType) {}
}
