package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/** An account link's hosted onboarding page: single use and short-lived, as at Stripe. */
record OnboardingLink(
        String token,
        String accountId,
        @Nullable String refreshUrl,
        @Nullable String returnUrl,
        long expiresAt) {}
