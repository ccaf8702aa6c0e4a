package io.paystream.emulator;

import java.util.Currency;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A price's immutable terms, validated from {@code POST /v1/prices} or {@code default_price_data}. */
record PriceDraft(
        String currency,
        @Nullable Long unitAmount,
        String unitAmountDecimal,
        Price.@Nullable Recurring recurring,
        String taxBehavior) {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");
    private static final Set<String> USAGE_TYPES = Set.of("licensed", "metered");
    static final Set<String> TAX_BEHAVIORS = Set.of("exclusive", "inclusive", "unspecified");

    static PriceDraft parse(Params params) {
        String currency = currency(params, "currency");
        Long unitAmount = params.integer("unit_amount");
        String decimal = params.nullableString("unit_amount_decimal");
        if (unitAmount == null && decimal == null) {
            throw ApiError.missingParam(params.name("unit_amount"));
        }
        if (unitAmount != null && decimal != null) {
            throw ApiError.invalid(
                    "You may only specify one of these parameters: unit_amount, unit_amount_decimal.",
                    params.name("unit_amount"));
        }
        if (unitAmount != null && unitAmount < 0) {
            throw ApiError.invalid("This value must be greater than or equal to 0.", params.name("unit_amount"));
        }
        if (decimal != null) {
            try {
                unitAmount = new java.math.BigDecimal(decimal).longValueExact();
            } catch (ArithmeticException fractional) {
                unitAmount = null;
            } catch (NumberFormatException e) {
                throw ApiError.invalid("Invalid decimal: " + decimal, params.name("unit_amount_decimal"));
            }
        } else {
            decimal = unitAmount.toString();
        }
        Price.Recurring recurring = null;
        if (params.has("recurring")) {
            Params fields = params.child("recurring");
            String interval = fields.requiredString("interval");
            if (!INTERVALS.contains(interval)) {
                throw ApiError.invalid(
                        "Invalid recurring[interval]: must be one of day, week, month, or year",
                        fields.name("interval"));
            }
            Long count = fields.integer("interval_count");
            if (count != null && count < 1) {
                throw ApiError.invalid("Invalid interval_count: must be at least 1", fields.name("interval_count"));
            }
            String usage = fields.string("usage_type") == null ? "licensed" : fields.string("usage_type");
            if (!USAGE_TYPES.contains(usage)) {
                throw ApiError.invalid("Invalid usage_type: must be licensed or metered", fields.name("usage_type"));
            }
            recurring = new Price.Recurring(interval, count == null ? 1 : count, usage);
        }
        return new PriceDraft(currency, unitAmount, decimal, recurring, taxBehavior(params));
    }

    static String taxBehavior(Params params) {
        String taxBehavior = params.string("tax_behavior");
        if (taxBehavior != null && !TAX_BEHAVIORS.contains(taxBehavior)) {
            throw ApiError.invalid(
                    "Invalid tax_behavior: must be one of exclusive, inclusive, or unspecified",
                    params.name("tax_behavior"));
        }
        return taxBehavior == null ? "unspecified" : taxBehavior;
    }

    static String currency(Params params, String key) {
        String currency = params.requiredString(key);
        try {
            Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("Invalid currency: " + currency + ".", params.name(key));
        }
        return currency.toLowerCase(java.util.Locale.ROOT);
    }
}
