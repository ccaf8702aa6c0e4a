package io.paystream.catalog.connection.keys;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/connections}: what the "Online payment enabled" form sends. The keys and the currency are
 * validated as present before {@link KeyConnections} sees the request.
 *
 * @param mode optional; when {@code live}, test keys are refused, when {@code test}, live keys are; absent means the
 *     keys' own mode
 */
public record KeyConnectionRequest(
        @Schema(description = "The platform customer that owns the connection; the configured default when absent.")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1-64 letters, digits, '_', '.' or '-'")
        @Nullable
        String tenant,

        @Schema(
                description = "Publishable key, pk_live_... or pk_test_...",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        String publishableKey,

        @Schema(
                description = "Secret key sk_live_... / sk_test_..., or a restricted key rk_live_... / rk_test_...",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        String secretKey,

        @Schema(
                description = "ISO currency the account charges in, e.g. usd",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter ISO currency code")
        String currency,

        @Schema(
                description = "live or test: the mode the connection is declared for",
                allowableValues = {"live", "test"})
        @Pattern(regexp = "live|test", message = "must be live or test")
        @Nullable
        String mode,

        @Schema(description = "Whether payments and syncs are on; true when absent.") @Nullable
        Boolean enabled) {

    @Override
    public String toString() {
        return "KeyConnectionRequest[tenant=" + tenant + ", publishableKey=" + KeyMask.maskIfPresent(publishableKey)
                + ", secretKey=" + KeyMask.maskIfPresent(secretKey) + ", currency=" + currency + ", mode=" + mode + "]";
    }
}
