package io.paystream.worker.balance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "CurrencyAmount", description = "An amount in one currency.")
record CurrencyAmount(
        @Schema(description = "Three-letter ISO currency code, lower case.")
        String currency,

        @Schema(description = "Amount, minor units; can be negative.")
        long amount) {

    /** From the engine's {@code {currency: amount}} document, sorted by currency so answers are stable. */
    static List<CurrencyAmount> of(@Nullable Document byCurrency) {
        List<CurrencyAmount> amounts = new ArrayList<>();
        if (byCurrency != null) {
            byCurrency.forEach((currency, amount) -> {
                if (amount instanceof Number number) {
                    amounts.add(new CurrencyAmount(currency, number.longValue()));
                }
            });
        }
        amounts.sort((a, b) -> a.currency().compareTo(b.currency()));
        return amounts;
    }
}
