package io.paystream.catalog.connection.web;

import io.paystream.catalog.connection.Connection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A connection as the API shows it: keys masked, secrets never. */
@Schema(description = "A customer's Stripe connection. Keys are masked; secrets are never returned.")
record ConnectionView(
        String id,
        String tenant,
        @Schema(allowableValues = {"keys", "connect"}) String kind,
        @Schema(allowableValues = {"live", "test"}) String mode,
        @Nullable String currency,
        boolean enabled,
        String accountId,
        @Nullable String country,

        @Schema(allowableValues = {"pending", "restricted", "active", "disabled", "disconnected"})
        String status,

        @Schema(description = "What Stripe still needs, in words, most urgent first (when restricted).")
        List<String> missing,

        @Schema(description = "Stripe's requirement keys behind `missing`.")
        List<String> dueRequirements,

        @Schema(description = "Why Stripe disabled the account (when disabled).", nullable = true) @Nullable
        String disabledReason,

        @Schema(description = "Stripe's disabled_reason code (when disabled).", nullable = true) @Nullable
        String disabledReasonCode,

        @Schema(example = "pk_live_...wxyz", nullable = true) @Nullable
        String publishableKey,

        @Schema(example = "sk_live_...abcd", nullable = true) @Nullable
        String secretKey,

        @Schema(description = "The webhook endpoint registered on the account (key connections).", nullable = true)
        @Nullable
        String webhookEndpointId,

        @Schema(
                description = "What the last check of the webhook endpoint at Stripe found: disabled, deleted,"
                        + " wrong_events; null when it was as created (or not checked yet).",
                nullable = true)
        @Nullable
        String webhookEndpointProblem,

        @Schema(
                description = "What was done about it: re_enabled, re_created, events_fixed; null when nothing"
                        + " (or the repair failed and the next check tries again).",
                nullable = true)
        @Nullable
        String webhookEndpointRepair,

        @Schema(description = "When the webhook endpoint was last checked at Stripe.", nullable = true) @Nullable
        Instant webhookEndpointCheckedAt,

        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) @Nullable Instant disconnectedAt) {

    static ConnectionView of(Connection c) {
        Connection.State state = c.state();
        return new ConnectionView(
                c.id(),
                c.tenant(),
                c.kind().value(),
                c.mode().value(),
                c.currency(),
                c.enabled(),
                c.accountId(),
                c.country(),
                state.status().value(),
                state.missing(),
                state.dueRequirements(),
                state.disabledReason(),
                state.disabledReasonCode(),
                c.publishableKeyMasked(),
                c.secretKeyMasked(),
                c.webhookEndpointId(),
                c.endpointCheck() == null ? null : c.endpointCheck().problem(),
                c.endpointCheck() == null ? null : c.endpointCheck().repair(),
                c.endpointCheck() == null ? null : c.endpointCheck().checkedAt(),
                c.createdAt(),
                c.updatedAt(),
                c.disconnectedAt());
    }
}
