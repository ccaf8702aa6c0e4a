package io.paystream.catalog.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service reaches the Stripe API ({@code paystream.stripe.*}). Shared by the catalog sync and the connection
 * flows: the one place that knows the API base, the pinned version and the platform's own keys.
 *
 * @param apiBase https://api.stripe.com in production, the emulator's base URL in tests and the local stack
 * @param apiVersion the API version Paystream is pinned to (webhook endpoints are created with it)
 * @param platformTestKey the platform's test-mode secret key, empty when the platform catalog is not synced in test
 * @param platformLiveKey the platform's live-mode secret key, empty when not synced in live
 * @param connectTimeout TCP connect timeout for API calls
 * @param readTimeout read timeout for API calls
 */
@ConfigurationProperties("paystream.stripe")
public record StripeApiProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("2026-07-29.dahlia") String apiVersion,
        @DefaultValue("") String platformTestKey,
        @DefaultValue("") String platformLiveKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {}
