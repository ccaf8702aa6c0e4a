package io.paystream.catalog.connection.web;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.keys.StripeGateway;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The answer to starting or continuing onboarding: where to send the user. */
record OnboardingView(
        ConnectionView connection,

        @Schema(description = "Stripe-hosted onboarding; single use, expires after a few minutes.")
        String onboardingUrl,

        @Schema(nullable = true) @Nullable Instant expiresAt,
        String returnUrl,
        String refreshUrl) {

    /** Of a Connect connection, which always has its onboarding URLs. */
    static OnboardingView of(Connection connection, StripeGateway.OnboardingLink link) {
        Connection.OnboardingUrls urls = Objects.requireNonNull(connection.onboarding());
        return new OnboardingView(
                ConnectionView.of(connection), link.url(), link.expiresAt(), urls.returnUrl(), urls.refreshUrl());
    }
}
