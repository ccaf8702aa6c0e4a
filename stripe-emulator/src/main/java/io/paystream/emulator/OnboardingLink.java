package io.paystream.emulator;

/** An account link's hosted onboarding page: single use and short-lived, as at Stripe. */
record OnboardingLink(String token, String accountId, String refreshUrl, String returnUrl, long expiresAt) {}
