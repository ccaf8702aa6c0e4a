package io.paystream.worker.payment;

import static io.paystream.worker.query.StoredValues.integer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "Card", description = "The only card data kept: brand, last 4 digits and expiry.")
record CardView(
        @Schema(description = "Card brand, e.g. visa, mastercard.") @Nullable
        String brand,

        @Schema(description = "Last 4 digits.") @Nullable String last4,

        @Schema(description = "Expiry month, 1-12.") @Nullable
        Integer expMonth,

        @Schema(description = "Expiry year, 4 digits.") @Nullable
        Integer expYear) {

    static @Nullable CardView of(@Nullable Document card) {
        if (card == null) {
            return null;
        }
        return new CardView(
                card.getString(CardFields.BRAND),
                card.getString(CardFields.LAST4),
                integer(card, CardFields.EXP_MONTH),
                integer(card, CardFields.EXP_YEAR));
    }
}
