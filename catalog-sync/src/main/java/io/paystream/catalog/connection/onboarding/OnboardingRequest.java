package io.paystream.catalog.connection.onboarding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/connections/onboarding}: start Stripe Connect onboarding for a customer. Every field is optional. */
public record OnboardingRequest(
        @Schema(description = "The platform customer; the configured default when absent.")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1-64 letters, digits, '_', '.' or '-'")
        @Nullable
        String tenant,

        @Schema(description = "live or test: which platform key creates the account; test when absent.")
        @Pattern(regexp = "live|test", message = "must be live or test")
        @Nullable
        String mode,

        @Schema(description = "An existing account connected to the platform to link instead of creating one.")
        @Pattern(regexp = "acct_[A-Za-z0-9_]+", message = "must be a Stripe account id acct_...")
        @Nullable
        String accountId,

        @Schema(description = "Two-letter country of a new account; the configured default when absent.")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code")
        @Nullable
        String country,

        @Schema(description = "The account owner's email, prefilled in onboarding.") @Email @Nullable
        String email,

        @Schema(description = "The currency the connection charges in; the account's default when absent.")
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter ISO currency code")
        @Nullable
        String currency,

        @Schema(description = "Where Stripe sends the user after onboarding; {connectionId} is replaced.")
        @Pattern(regexp = "https?://.+", message = "must be an http(s) URL")
        @Nullable
        String returnUrl,

        @Schema(description = "Where Stripe sends the user when the link expired; {connectionId} is replaced.")
        @Pattern(regexp = "https?://.+", message = "must be an http(s) URL")
        @Nullable
        String refreshUrl) {}
