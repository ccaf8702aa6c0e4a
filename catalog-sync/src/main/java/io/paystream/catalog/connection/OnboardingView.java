package io.paystream.catalog.connection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer to starting or continuing onboarding: where to send the user. */
record OnboardingView(
        ConnectionView connection,

        @Schema(description = "Stripe-hosted onboarding; single use, expires after a few minutes.")
        String onboardingUrl,

        @Schema(nullable = true) Instant expiresAt,
        String returnUrl,
        String refreshUrl) {

    static OnboardingView of(Connection connection, StripeGateway.OnboardingLink link) {
        return new OnboardingView(
                ConnectionView.of(connection),
                link.url(),
                link.expiresAt(),
                connection.onboarding().returnUrl(),
                connection.onboarding().refreshUrl());
    }
}
