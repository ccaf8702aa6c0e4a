package io.paystream.worker.balance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "Balance", description = "An account's Stripe balance, from its latest balance.available event.")
record BalanceView(
        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) balance.")
        boolean livemode,

        @Schema(description = "Funds available for payout, per currency.")
        List<CurrencyAmount> available,

        @Schema(description = "Funds not yet available, per currency.")
        List<CurrencyAmount> pending,

        @Schema(description = "The created time of the balance.available event this balance comes from.") @Nullable
        Instant asOf,

        @Schema(description = "That event's id.") @Nullable String lastEventId,

        @Schema(description = "When the worker last changed this state.") @Nullable
        Instant updatedAt) {}
