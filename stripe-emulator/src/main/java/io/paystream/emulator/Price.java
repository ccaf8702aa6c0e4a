package io.paystream.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A price as Stripe's API version 2026-07-29 renders it. Mutable fields are guarded by the store's lock. */
final class Price extends Listed {

    /** {@code recurring} of a price; null on one-time prices. */
    record Recurring(String interval, long intervalCount, String usageType) {

        JsonMap render() {
            return new JsonMap()
                    .with("interval", interval)
                    .with("interval_count", intervalCount)
                    .with("meter", null)
                    .with("trial_period_days", null)
                    .with("usage_type", usageType);
        }
    }

    private final boolean livemode;
    final String product;
    final String currency;
    /** Null for a price whose {@code unit_amount_decimal} has a fraction of the smallest unit. */
    final @Nullable Long unitAmount;

    final String unitAmountDecimal;
    final @Nullable Recurring recurring;
    boolean active = true;

    @Nullable
    String nickname;

    @Nullable
    String lookupKey;

    String taxBehavior = "unspecified";
    Map<String, String> metadata = new LinkedHashMap<>();

    Price(
            String id,
            long sequence,
            long created,
            boolean livemode,
            String product,
            String currency,
            @Nullable Long unitAmount,
            String unitAmountDecimal,
            @Nullable Recurring recurring) {
        super(id, sequence, created);
        this.livemode = livemode;
        this.product = product;
        this.currency = currency;
        this.unitAmount = unitAmount;
        this.unitAmountDecimal = unitAmountDecimal;
        this.recurring = recurring;
    }

    String type() {
        return recurring == null ? "one_time" : "recurring";
    }

    @Override
    JsonMap render() {
        return JsonMap.object("price", id)
                .with("active", active)
                .with("billing_scheme", "per_unit")
                .with("created", created)
                .with("currency", currency)
                .with("custom_unit_amount", null)
                .with("livemode", livemode)
                .with("lookup_key", lookupKey)
                .with("metadata", new LinkedHashMap<>(metadata))
                .with("nickname", nickname)
                .with("product", product)
                .with("recurring", recurring == null ? null : recurring.render())
                .with("tax_behavior", taxBehavior)
                .with("tiers_mode", null)
                .with("transform_quantity", null)
                .with("type", type())
                .with("unit_amount", unitAmount)
                .with("unit_amount_decimal", unitAmountDecimal);
    }

    JsonMap renderDeleted() {
        return JsonMap.object("price", id).with("deleted", true);
    }
}
