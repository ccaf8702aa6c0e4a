package io.paystream.catalog.connection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/connections}: what the "Online payment enabled" form sends.
 *
 * @param mode optional; when {@code live}, test keys are refused, when {@code test}, live keys are; absent means the
 *     keys' own mode
 */
record KeyConnectionRequest(
        @Schema(description = "The platform customer that owns the connection; the configured default when absent.")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1-64 letters, digits, '_', '.' or '-'")
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
        String mode,

        @Schema(description = "Whether payments and syncs are on; true when absent.")
        Boolean enabled) {

    @Override
    public String toString() {
        return "KeyConnectionRequest[tenant=" + tenant + ", publishableKey=" + KeyMask.mask(publishableKey)
                + ", secretKey=" + KeyMask.mask(secretKey) + ", currency=" + currency + ", mode=" + mode + "]";
    }
}
